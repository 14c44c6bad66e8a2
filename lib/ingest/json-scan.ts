import type { ByteReader } from "./byte-reader";
import type { Sink } from "./capture";
import { IngestError } from "./ingest-error";

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const NEWLINE = 0x0a;

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export function where(reader: ByteReader): string {
  return `at byte ${reader.offset} (line ${reader.line})`;
}

export function truncated(reader: ByteReader, inside: string): IngestError {
  return new IngestError(
    "invalid_json",
    `The file ends inside ${inside} ${where(reader)}: it looks truncated, so nothing was imported.`,
  );
}

/** Skips white space, handing it to `sink`; returns the next byte (unconsumed) or null at end. */
export async function skipWhitespace(
  reader: ByteReader,
  sink: Sink | null,
): Promise<number | null> {
  for (;;) {
    if (!(await reader.fill())) return null;
    const { buf } = reader;
    const from = reader.pos;
    let i = from;
    let lines = 0;
    while (i < buf.length) {
      const byte = buf[i] as number;
      if (!isWhitespace(byte)) break;
      if (byte === NEWLINE) lines += 1;
      i += 1;
    }
    sink?.add(buf.subarray(from, i));
    reader.pos = i;
    reader.line += lines;
    if (i < buf.length) return buf[i] as number;
  }
}

/** Consumes `byte` or fails with a message naming what was expected and where. */
export async function expectByte(reader: ByteReader, byte: number, sink: Sink | null) {
  const next = await reader.peek();
  if (next !== byte) {
    const found = next === null ? "the end of the file" : `"${String.fromCharCode(next)}"`;
    throw new IngestError(
      "invalid_json",
      `The file is not valid JSON: expected "${String.fromCharCode(byte)}" but found ${found} ` +
        `${where(reader)}.`,
    );
  }
  sink?.add(reader.buf.subarray(reader.pos, reader.pos + 1));
  reader.advance();
}

/**
 * Moves past one JSON value (object, array, string or scalar) that starts at the reader's
 * position, handing its exact bytes to `sink`. It tracks nesting, strings and escapes only;
 * whether the value is well-formed is left to `JSON.parse` of the captured bytes.
 */
export async function scanValue(reader: ByteReader, sink: Sink | null): Promise<void> {
  const first = await reader.peek();
  if (first === null) throw truncated(reader, "a JSON value");
  if (first === OPEN_BRACE || first === OPEN_BRACKET || first === QUOTE) {
    return scanNested(reader, sink);
  }
  if (first === CLOSE_BRACE || first === CLOSE_BRACKET || first === COMMA || first === COLON) {
    throw new IngestError(
      "invalid_json",
      `The file is not valid JSON: a value was expected but "${String.fromCharCode(first)}" ` +
        `was found ${where(reader)}.`,
    );
  }
  return scanScalar(reader, sink);
}

// Bytes a nested scan must look at, inside and outside strings; it skips runs of other bytes in a
// tight loop. Newlines are counted wherever they fall.
const STRING_STOPS = stopTable([QUOTE, BACKSLASH, NEWLINE]);
const STRUCTURE_STOPS = stopTable([
  QUOTE,
  OPEN_BRACE,
  CLOSE_BRACE,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  NEWLINE,
]);

function stopTable(bytes: readonly number[]): Uint8Array {
  const table = new Uint8Array(256);
  for (const byte of bytes) table[byte] = 1;
  return table;
}

async function scanNested(reader: ByteReader, sink: Sink | null): Promise<void> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (;;) {
    const { buf } = reader;
    const end = buf.length;
    const from = reader.pos;
    let i = from;
    let lines = 0;
    let done = false;
    while (i < end) {
      if (escaped) {
        escaped = false;
        if (buf[i] === NEWLINE) lines += 1;
        i += 1;
        continue;
      }
      const stops = inString ? STRING_STOPS : STRUCTURE_STOPS;
      while (i < end && stops[buf[i] as number] === 0) i += 1;
      if (i === end) break;
      const byte = buf[i] as number;
      i += 1;
      if (byte === NEWLINE) lines += 1;
      else if (inString) {
        if (byte === BACKSLASH) escaped = true;
        else inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth += 1;
      else depth -= 1;
      if (depth === 0 && !inString) {
        done = true;
        break;
      }
    }
    sink?.add(buf.subarray(from, i));
    reader.pos = i;
    reader.line += lines;
    if (done) return;
    if (!(await reader.fill())) throw truncated(reader, inString ? "a string" : "a record");
  }
}

function endsScalar(byte: number): boolean {
  return isWhitespace(byte) || byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET;
}

async function scanScalar(reader: ByteReader, sink: Sink | null): Promise<void> {
  for (;;) {
    const { buf } = reader;
    const from = reader.pos;
    let i = from;
    while (i < buf.length && !endsScalar(buf[i] as number)) i += 1;
    sink?.add(buf.subarray(from, i));
    reader.pos = i;
    if (i < buf.length || !(await reader.fill())) return;
  }
}
