import type { ParityReportRow } from "../detection/rules/sentinel-query";
import { parityReportRows } from "./report";
import { type ParitySource, paritySource } from "./source";
import { type RunWindow, runWindow } from "./window";

export interface ParityPreview {
  window: RunWindow;
  source: ParitySource;
  /** The report's first rows, newest first. */
  rows: ParityReportRow[];
  /** The report has more rows than were read. */
  more: boolean;
}

/** The start of the report at `at`, for the page; the CSV and the CLI give every row. */
export async function parityPreview(at: Date, limit: number): Promise<ParityPreview> {
  const source = await paritySource();
  const rows: ParityReportRow[] = [];
  let more = false;
  for await (const row of parityReportRows(at)) {
    if (rows.length === limit) {
      more = true;
      break;
    }
    rows.push(row);
  }
  return { window: runWindow(at), source, rows, more };
}
