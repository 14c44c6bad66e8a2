// An independent reference for the fuzz test: reads a whole file in memory, by other means than
// the streaming readers (gunzipSync, string indexes, JSON.parse), and says whether the file is
// readable as a whole and, if so, how many records it holds. The rules it applies are the
// product's documented contract for "the readable parts":
//
// - gzip at any level must decompress completely, or the file is unreadable;
// - a JSON file is a series of top-level arrays and objects. Its records are the elements of a
//   top-level array; of an object's "Records", "records", "value" or "Events" array; or the
//   object itself when it has none of those; a first object on one line followed by more text
//   makes the file JSON Lines, where every later non-blank line is a record. Strings must end
//   and brackets balance within every record, and commas, colons and keys must stand where
//   JSON puts them, or the file is unreadable (it is cut off or damaged in its structure). What
//   a record holds inside is not checked: a record that is not valid JSON is rejected alone,
//   and it still counts as a record. A "QueryResultRows" key makes the file unsupported;
// - a CSV file's rows end at a line end outside quotes; it is unreadable when it ends inside
//   quotes. Its first non-blank row is the header; every later non-blank row is a record.
//
// The oracle does not recognise shapes: a readable file may still fail when its first record
// or header is of no known kind, or its dates cannot be read without a choice.

import { gunzipSync } from "node:zlib";

export type Verdict = { readable: true; records: number } | { readable: false; why: string };

const CONTAINER_KEYS = new Set(["Records", "records", "value", "Events"]);
const MAX_GZIP_LAYERS = 3;

export function oracle(bytes: Uint8Array): Verdict {
  let data = bytes;
  for (let layer = 0; layer < MAX_GZIP_LAYERS && data[0] === 0x1f && data[1] === 0x8b; layer++) {
    try {
      data = gunzipSync(data);
    } catch {
      return { readable: false, why: "gzip" };
    }
  }
  // TextDecoder drops a leading byte-order mark.
  const text = new TextDecoder().decode(data);
  const start = skipSpace(text, 0);
  if (start >= text.length) return { readable: false, why: "empty" };
  const first = text[start];
  if (first === "{" || first === "[") return new JsonOracle(text).file(start);
  return csvOracle(text.slice(start));
}

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\n" || char === "\r" || char === "\t";
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && isSpace(text[at])) at += 1;
  return at;
}

/** Thrown inside the JSON oracle when the structure breaks. */
class Broken extends Error {}

class JsonOracle {
  constructor(private readonly t: string) {}

  file(start: number): Verdict {
    try {
      return { readable: true, records: this.topLevel(start) };
    } catch (error) {
      if (error instanceof Broken) return { readable: false, why: error.message };
      throw error;
    }
  }

  private topLevel(start: number): number {
    const { t } = this;
    let at = start;
    let records = 0;
    let first = true;
    while (at < t.length) {
      if (t[at] === "[") {
        const list = this.array(at);
        records += list.count;
        at = list.end;
      } else if (t[at] === "{") {
        const object = this.object(at);
        const after = skipSpace(t, object.end);
        const oneLine = !t.slice(at, object.end).includes("\n");
        if (!object.container && first && after < t.length && oneLine) {
          return 1 + nonBlankLines(t.slice(after));
        }
        records += object.container ? object.count : 1;
        at = object.end;
      } else {
        throw new Broken("top level");
      }
      first = false;
      at = skipSpace(t, at);
    }
    return records;
  }

  /** An array's elements, counted; returns where it ends. */
  private array(start: number): { count: number; end: number } {
    const { t } = this;
    let at = skipSpace(t, start + 1);
    if (t[at] === "]") return { count: 0, end: at + 1 };
    let count = 0;
    for (;;) {
      at = skipSpace(t, this.value(at));
      count += 1;
      if (t[at] === ",") at = skipSpace(t, at + 1);
      else if (t[at] === "]") return { count, end: at + 1 };
      else throw new Broken("array");
    }
  }

  private object(start: number): { container: boolean; count: number; end: number } {
    const { t } = this;
    let at = skipSpace(t, start + 1);
    if (t[at] === "}") return { container: false, count: 0, end: at + 1 };
    let container = false;
    let count = 0;
    for (;;) {
      if (t[at] !== '"') throw new Broken("key");
      const keyEnd = this.value(at);
      const key = parseKey(t.slice(at, keyEnd));
      at = skipSpace(t, keyEnd);
      if (t[at] !== ":") throw new Broken("colon");
      at = skipSpace(t, at + 1);
      if (key === "QueryResultRows") throw new Broken("lake");
      if (key !== null && CONTAINER_KEYS.has(key) && t[at] === "[") {
        const list = this.array(at);
        container = true;
        count += list.count;
        at = list.end;
      } else {
        at = this.value(at);
      }
      at = skipSpace(t, at);
      if (t[at] === ",") at = skipSpace(t, at + 1);
      else if (t[at] === "}") return { container, count, end: at + 1 };
      else throw new Broken("object");
    }
  }

  /** Where the value starting at `start` ends: nesting and strings only, as the contract says. */
  private value(start: number): number {
    const { t } = this;
    const first = t[start];
    if (first === undefined) throw new Broken("end");
    if ("}],:".includes(first)) throw new Broken("value");
    if (first !== "{" && first !== "[" && first !== '"') {
      let at = start;
      while (at < t.length && !isSpace(t[at]) && !",}]".includes(t[at] as string)) at += 1;
      return at;
    }
    let depth = 0;
    let inString = false;
    for (let at = start; at < t.length; at++) {
      const char = t[at];
      if (inString) {
        if (char === "\\") at += 1;
        else if (char === '"') {
          inString = false;
          if (depth === 0) return at + 1;
        }
      } else if (char === '"') inString = true;
      else if (char === "{" || char === "[") depth += 1;
      else if (char === "}" || char === "]") {
        depth -= 1;
        if (depth === 0) return at + 1;
      }
    }
    throw new Broken("cut off");
  }
}

function parseKey(text: string): string | null {
  try {
    const key: unknown = JSON.parse(text);
    return typeof key === "string" ? key : null;
  } catch {
    return null;
  }
}

/** Lines holding more than JSON white space (the JSON Lines reader trims only that). */
function nonBlankLines(text: string): number {
  return text.split("\n").filter((line) => /[^ \t\r\n]/.test(line)).length;
}

function csvOracle(text: string): Verdict {
  const firstLine = text.split("\n")[0] ?? "";
  if (!/[,;\t]/.test(firstLine.slice(0, 512))) return { readable: false, why: "not csv" };
  const rows: string[] = [];
  let inQuotes = false;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '"') inQuotes = !inQuotes;
    else if (text[at] === "\n" && !inQuotes) {
      rows.push(text.slice(from, at));
      from = at + 1;
    }
  }
  if (inQuotes) return { readable: false, why: "csv cut inside quotes" };
  if (from < text.length) rows.push(text.slice(from));
  const filled = rows.filter((row) => row.trim() !== "");
  return { readable: true, records: Math.max(0, filled.length - 1) };
}
