import type { SourceTable } from "../../events/types";
import { IngestError, quoteStart } from "../ingest-error";
import { splitCells } from "./split-cells";

export interface CsvHeader {
  delimiter: string;
  /** Column names as written, `TimeGenerated [UTC]` included. */
  names: string[];
  /** Column names without the ` [UTC]` suffix, as the table calls them. */
  columns: string[];
  /** Indexes of the date-time columns, whose cells may be locale-formatted. */
  dateColumns: ReadonlySet<number>;
  /** The table the columns name, or null when only the rows' `$table` / `Type` cells do. */
  table: SourceTable | null;
}

// Log Analytics renames every datetime column "<Column> [UTC]" in CSV exports.
const UTC_SUFFIX = " [UTC]";
// The tables' datetime columns, for a file whose header lost the suffix.
const DATETIME_COLUMNS = new Set([
  "TimeGenerated",
  "ActivityDateTime",
  "EventSubmissionTimestamp",
  "SessionCreationDate",
]);
const DELIMITERS = [",", ";", "\t"] as const;

/** Reads the header row of a Sentinel / Log Analytics CSV export, or says what it is instead. */
export function readHeader(text: string): CsvHeader {
  const delimiter = guessDelimiter(text);
  const split = splitCells(text.replace(/^\ufeff/, ""), delimiter);
  if (!split.ok) {
    throw new IngestError(
      "invalid_csv",
      `The CSV file's header row is unreadable: ${split.reason}.`,
    );
  }
  const names = split.cells.map((cell) => cell.trim());
  const columns = names.map((name) =>
    name.endsWith(UTC_SUFFIX) ? name.slice(0, -UTC_SUFFIX.length) : name,
  );
  const present = new Set(columns);
  const table = tableOfColumns(present);
  if (table === null && !present.has("$table") && !present.has("Type")) {
    throw notAnExport(text);
  }
  const dateColumns = new Set(
    names.flatMap((name, i) =>
      name.endsWith(UTC_SUFFIX) || DATETIME_COLUMNS.has(columns[i] ?? "") ? [i] : [],
    ),
  );
  return { delimiter, names, columns, dateColumns, table };
}

/** The table whose characteristic columns the header has (hunting queries add others). */
function tableOfColumns(present: ReadonlySet<string>): SourceTable | null {
  if (present.has("OperationNameValue")) return "AzureActivity";
  // Legacy AzureActivity exports: OperationName holds the display name, beside status columns.
  const legacyActivity = ["ActivityStatus", "ActivityStatusValue", "CallerIpAddress"];
  if (present.has("OperationName") && legacyActivity.some((c) => present.has(c))) {
    return "AzureActivity";
  }
  const aws = ["UserIdentityType", "EventSource", "AwsEventId", "EventTypeName"];
  if (present.has("EventName") && aws.some((c) => present.has(c))) return "AWSCloudTrail";
  const entra = ["InitiatedBy", "ActivityDisplayName", "TargetResources", "AADOperationType"];
  if (present.has("OperationName") && entra.some((c) => present.has(c))) return "AuditLogs";
  return null;
}

/** The delimiter the header row uses most outside quotes: comma, or semicolon / tab. */
function guessDelimiter(header: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const char of header) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function notAnExport(header: string): IngestError {
  const start = quoteStart(header, 80);
  return new IngestError(
    "unknown_shape",
    "The file is CSV, but its header names none of the AWSCloudTrail, AzureActivity or " +
      `AuditLogs columns Tripline reads (it starts "${start}"). Export the table from ` +
      "Microsoft Sentinel / Log Analytics with its column names.",
  );
}
