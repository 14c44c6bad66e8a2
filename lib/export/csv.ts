// Spreadsheets run a cell that starts with one of these as a formula. Log text is chosen by
// whoever made the API call, so an exported value like `=HYPERLINK(...)` must stay text. A value
// that already starts with a single quote gets one too, so a reader gets every value back by
// removing one leading single quote from each cell that starts with one.
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, with quotes doubled.
 * A value a spreadsheet would run as a formula gets a leading single quote, which spreadsheets
 * show as text and which a reader of the raw file can strip to recover the value.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record, ended by CRLF as RFC 4180 asks. */
export function csvRow(values: readonly string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
