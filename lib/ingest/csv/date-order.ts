import {
  type DateOrder,
  localeDateToIso,
  orderEvidence,
  readLocaleDate,
} from "../../normalize/locale-date";
import { IngestError } from "../ingest-error";

const ORDER_WORDS: Record<DateOrder, string> = {
  dmy: "day first",
  mdy: "month first",
};

const HOW_TO_CHOOSE =
  'Choose the date order (upload form: "Dates in CSV files"; command line: ' +
  "--date-order dmy or mdy) and import the file again.";

/**
 * Decides whether a CSV export writes dates day first or month first. A date whose first or
 * second number is above 12 settles it; dates where both are 12 or less cannot, and the file's
 * other rows (or the user's choice) must. Never guesses: an undecided file with such dates, or
 * one whose dates contradict each other or the choice, fails with a sentence saying so.
 */
export class DateOrderJudge {
  private order: DateOrder | null;
  private readonly chosen: boolean;
  private undecidedSample: string | null = null;
  private settledBy = "";

  constructor(chosen: DateOrder | null) {
    this.order = chosen;
    this.chosen = chosen !== null;
  }

  get decided(): boolean {
    return this.order !== null;
  }

  /** Whether dates were seen that only a decision can read. */
  get waiting(): boolean {
    return this.order === null && this.undecidedSample !== null;
  }

  /** Takes what one date cell says about the order; `where` names the row for messages. */
  observe(cell: string, where: string): void {
    const date = readLocaleDate(cell);
    if (date === null) return;
    const evidence = orderEvidence(date);
    if (evidence === "either") {
      this.undecidedSample ??= cell;
      return;
    }
    if (evidence === "neither") return;
    if (this.order === null) {
      this.order = evidence;
      this.settledBy = `"${cell}" (${where})`;
      return;
    }
    if (this.order !== evidence) throw this.contradiction(cell, where);
  }

  /** The cell as ISO 8601 when it is a locale date, else unchanged. */
  convert(cell: string, where: string): string {
    this.observe(cell, where);
    const date = readLocaleDate(cell);
    if (date === null || orderEvidence(date) === "neither") return cell;
    if (this.order === null) throw this.undecided(cell, "the rows before it");
    return localeDateToIso(date, this.order) ?? cell;
  }

  /** Fails when dates were seen but none settled the order within the rows held back. */
  requireDecision(rowsHeld: string): void {
    if (this.waiting) throw this.undecided(this.undecidedSample ?? "", rowsHeld);
  }

  private undecided(sample: string, scope: string): IngestError {
    return new IngestError(
      "date_order",
      `The file's dates (such as "${sample}") could be day first or month first, and ${scope} ` +
        `do not settle it. ${HOW_TO_CHOOSE}`,
    );
  }

  private contradiction(cell: string, where: string): IngestError {
    const order = this.order ?? "dmy";
    const because = this.chosen ? "as chosen" : `as ${this.settledBy} shows`;
    return new IngestError(
      "date_order",
      `The date "${cell}" (${where}) cannot be ${ORDER_WORDS[order]}, but the file's dates ` +
        `are ${ORDER_WORDS[order]} ${because}. Nothing from the file was imported. ` +
        HOW_TO_CHOOSE,
    );
  }
}
