/** A value as PostgreSQL's COPY text format reads it: null is `\N`. */
export type CopyValue = string | number | boolean | null;

/** One value as a COPY text field. */
function copyField(value: CopyValue): string {
  if (value === null) return "\\N";
  return typeof value === "string" ? copyText(value) : String(value);
}

/**
 * A string as a COPY text field: backslash, line feed, carriage return and tab escaped. Most
 * fields hold none of the four: four single-character searches (fast scans in V8) then hand back
 * the string itself, with no regular expression and no copy. Backslashes are doubled first, so
 * the escapes added after them stay single.
 */
function copyText(text: string): string {
  let escaped = text.includes("\\") ? text.replaceAll("\\", "\\\\") : text;
  if (text.includes("\n")) escaped = escaped.replaceAll("\n", "\\n");
  if (text.includes("\r")) escaped = escaped.replaceAll("\r", "\\r");
  if (text.includes("\t")) escaped = escaped.replaceAll("\t", "\\t");
  return escaped;
}

/** One row of COPY text: tab-separated, escaped, ending in a newline. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = copyField(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += `\t${copyField(values[i] ?? null)}`;
  return `${line}\n`;
}
