import type { ParityReportRow } from "../detection/rules/sentinel-query";
import { PARITY_PROJECTION } from "../events/sentinel-columns";
import { csvRow } from "../export/csv";

/**
 * The report as CSV: a header of the six column names, then one record per row (RFC 4180, cells
 * a spreadsheet would run as formulas neutralised by lib/export/csv.ts). The header comes with
 * the first row, so a failing database is known before anything is sent.
 */
export async function* parityCsv(rows: AsyncIterable<ParityReportRow>): AsyncGenerator<string> {
  const header = csvRow(PARITY_PROJECTION);
  let first = true;
  for await (const row of rows) {
    const record = csvRow(PARITY_PROJECTION.map((column) => row[column]));
    yield first ? header + record : record;
    first = false;
  }
  if (first) yield header;
}

/** The report as a JSON array of row objects, one per line. */
export async function* parityJson(rows: AsyncIterable<ParityReportRow>): AsyncGenerator<string> {
  let first = true;
  for await (const row of rows) {
    yield `${first ? "[\n" : ",\n"}${JSON.stringify(row)}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}
