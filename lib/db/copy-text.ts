/** A value as PostgreSQL's COPY text format reads it: null is `\N`. */
export type CopyValue = string | number | boolean | null;

const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function field(value: CopyValue): string {
  if (value === null) return "\\N";
  const text = typeof value === "string" ? value : String(value);
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : text;
}

/** One row of COPY text: tab-separated, escaped, ending in a newline. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = field(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += `\t${field(values[i] ?? null)}`;
  return `${line}\n`;
}

/** A text[] literal of array input syntax, every element quoted. */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}
