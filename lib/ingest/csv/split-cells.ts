export type SplitRow = { ok: true; cells: string[] } | { ok: false; reason: string };

const QUOTE = '"';

/**
 * The cells of one CSV row's text (RFC 4180): a quoted cell may hold the delimiter, line ends
 * and doubled quotes. A quote inside an unquoted cell is kept as text, as spreadsheet tools do;
 * text after a closing quote makes the row unreadable.
 */
export function splitCells(text: string, delimiter: string): SplitRow {
  const row = text.endsWith("\r") ? text.slice(0, -1) : text;
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    if (row[at] !== QUOTE) {
      const end = row.indexOf(delimiter, at);
      cells.push(row.slice(at, end < 0 ? row.length : end));
      if (end < 0) return { ok: true, cells };
      at = end + delimiter.length;
      continue;
    }
    const quoted = readQuoted(row, at + 1);
    if (quoted === null) {
      return { ok: false, reason: `cell ${cells.length + 1} opens a quote that is never closed` };
    }
    cells.push(quoted.value);
    at = quoted.next;
    if (at === row.length) return { ok: true, cells };
    if (!row.startsWith(delimiter, at)) {
      return { ok: false, reason: `cell ${cells.length} has text after its closing quote` };
    }
    at += delimiter.length;
  }
}

/** A quoted cell's value from just after its opening quote, and where the text goes on. */
function readQuoted(row: string, from: number): { value: string; next: number } | null {
  const parts: string[] = [];
  let at = from;
  for (;;) {
    const quote = row.indexOf(QUOTE, at);
    if (quote < 0) return null;
    parts.push(row.slice(at, quote));
    if (row[quote + 1] !== QUOTE) return { value: parts.join(""), next: quote + 1 };
    parts.push(QUOTE);
    at = quote + 2;
  }
}
