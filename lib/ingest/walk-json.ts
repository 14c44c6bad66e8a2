import type { ByteReader } from "./byte-reader";
import { Capture, type Sink, tee } from "./capture";
import { IngestError } from "./ingest-error";
import {
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  expectByte,
  isWhitespace,
  NEWLINE,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  scanValue,
  skipWhitespace,
  truncated,
  where,
} from "./json-scan";

/** Keys of a top-level object whose array value holds the records (CloudTrail, Azure, Graph). */
export const CONTAINER_KEYS = ["Records", "records", "value", "Events"] as const;
export type ContainerKey = (typeof CONTAINER_KEYS)[number];

/**
 * Where a record sat: in a container key's array, a top-level array, alone in the file, one of
 * several concatenated documents, or on its own line (JSON Lines).
 */
export type Layout = ContainerKey | "array" | "document" | "sequence" | "line";

export interface RawElement {
  type: "element";
  layout: Layout;
  offset: number;
  line: number;
  /** The record's exact bytes, or null when it is larger than the record cap. */
  bytes: Uint8Array | null;
  size: number;
}

/** Announces a list before its first element, so an empty list is still seen. */
export interface ListStart {
  type: "list";
  layout: Layout;
}

export type RawItem = RawElement | ListStart;

// A key longer than this is not one of the keys looked for; it is still scanned correctly.
const MAX_KEY_BYTES = 4096;

/**
 * Splits a decompressed JSON byte stream into records without holding more than one record:
 * each top-level value is walked in turn (a container object, an array, a lone object), and a
 * file whose first object fits on one line and is followed by more is read as JSON Lines.
 */
export async function* walkJson(
  reader: ByteReader,
  maxRecordBytes: number,
): AsyncGenerator<RawItem> {
  let next = await skipWhitespace(reader, null);
  let first = true;
  while (next !== null) {
    if (next === OPEN_BRACKET) {
      yield* walkArray(reader, "array", maxRecordBytes);
    } else if (next === OPEN_BRACE) {
      const startLine = reader.line;
      const lone = yield* walkObject(reader, maxRecordBytes);
      const endLine = reader.line;
      next = await skipWhitespace(reader, null);
      if (lone !== null) {
        if (first && next !== null && startLine === endLine) {
          yield { ...lone, layout: "line" } satisfies RawElement;
          yield* walkLines(reader, maxRecordBytes);
          return;
        }
        const layout: Layout = first && next === null ? "document" : "sequence";
        yield { ...lone, layout };
      }
      first = false;
      continue;
    } else {
      throw new IngestError(
        "invalid_json",
        `The file is not valid JSON: unexpected "${String.fromCharCode(next)}" ${where(reader)}.`,
      );
    }
    first = false;
    next = await skipWhitespace(reader, null);
  }
}

async function* walkArray(
  reader: ByteReader,
  layout: Layout,
  maxRecordBytes: number,
): AsyncGenerator<RawItem> {
  yield { type: "list", layout };
  await expectByte(reader, OPEN_BRACKET, null);
  let next = await skipWhitespace(reader, null);
  if (next === CLOSE_BRACKET) {
    reader.advance();
    return;
  }
  for (;;) {
    if (next === null) throw truncated(reader, "a list of records");
    const element = { offset: reader.offset, line: reader.line };
    const capture = new Capture(maxRecordBytes);
    await scanValue(reader, capture);
    yield { type: "element", layout, ...element, bytes: capture.bytes(), size: capture.size };
    next = await skipWhitespace(reader, null);
    if (next === COMMA) {
      reader.advance();
      next = await skipWhitespace(reader, null);
    } else if (next === CLOSE_BRACKET) {
      reader.advance();
      return;
    } else if (next === null) {
      throw truncated(reader, "a list of records");
    } else {
      throw new IngestError(
        "invalid_json",
        `The file is not valid JSON: expected "," or "]" after a record ${where(reader)}.`,
      );
    }
  }
}

/**
 * Walks one top-level object. When one of its keys holds the records list, the list's elements
 * are yielded and null is returned; otherwise the whole object is the record and is returned.
 */
async function* walkObject(
  reader: ByteReader,
  maxRecordBytes: number,
): AsyncGenerator<RawItem, RawElement | null> {
  const start = { offset: reader.offset, line: reader.line };
  let whole: Capture | null = new Capture(maxRecordBytes);
  await expectByte(reader, OPEN_BRACE, whole);
  let next = await skipWhitespace(reader, whole);
  if (next === CLOSE_BRACE) {
    await expectByte(reader, CLOSE_BRACE, whole);
    return lone(start, whole);
  }
  for (;;) {
    if (next !== QUOTE) await expectByte(reader, QUOTE, null);
    const keyBytes = new Capture(MAX_KEY_BYTES);
    await scanValue(reader, tee(whole, keyBytes));
    const key = decodeKey(keyBytes);
    await skipWhitespace(reader, whole);
    await expectByte(reader, COLON, whole);
    next = await skipWhitespace(reader, whole);
    if (key === "QueryResultRows") throw lakeResults();
    if (isContainerKey(key) && next === OPEN_BRACKET) {
      whole = null;
      yield* walkArray(reader, key, maxRecordBytes);
    } else {
      await scanValue(reader, whole);
    }
    next = await skipWhitespace(reader, whole);
    if (next === COMMA) {
      await expectByte(reader, COMMA, whole);
      next = await skipWhitespace(reader, whole);
    } else if (next === CLOSE_BRACE) {
      await expectByte(reader, CLOSE_BRACE, whole);
      return whole === null ? null : lone(start, whole);
    } else if (next === null) {
      throw truncated(reader, "a JSON object");
    } else {
      await expectByte(reader, CLOSE_BRACE, null);
    }
  }
}

function lone(start: { offset: number; line: number }, whole: Capture): RawElement {
  return { type: "element", layout: "document", ...start, bytes: whole.bytes(), size: whole.size };
}

function isContainerKey(key: string | null): key is ContainerKey {
  return CONTAINER_KEYS.some((k) => k === key);
}

function decodeKey(capture: Capture): string | null {
  const bytes = capture.bytes();
  if (bytes === null) return null;
  try {
    const key: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof key === "string" ? key : null;
  } catch {
    return null;
  }
}

function lakeResults(): IngestError {
  return new IngestError(
    "unsupported_shape",
    "This is a CloudTrail Lake query result (QueryResultRows): it holds the columns a query " +
      "chose, not whole events, so it cannot be imported. Export the events themselves instead.",
  );
}

/** JSON Lines after the first line: one record per line, blank lines skipped. */
async function* walkLines(reader: ByteReader, maxRecordBytes: number): AsyncGenerator<RawItem> {
  for (;;) {
    const start = { offset: reader.offset, line: reader.line };
    const capture = new Capture(maxRecordBytes);
    if (!(await readLine(reader, capture))) return;
    const bytes = capture.bytes();
    const trimmed = bytes === null ? null : trimBytes(bytes);
    if (trimmed !== null && trimmed.length === 0) continue;
    const size = trimmed === null ? capture.size : trimmed.length;
    yield { type: "element", layout: "line", ...start, bytes: trimmed, size };
  }
}

/** Consumes one line and its newline; false when the input had already ended. */
async function readLine(reader: ByteReader, sink: Sink): Promise<boolean> {
  if (!(await reader.fill())) return false;
  for (;;) {
    const { buf } = reader;
    const from = reader.pos;
    const end = buf.indexOf(NEWLINE, from);
    if (end >= 0) {
      sink.add(buf.subarray(from, end));
      reader.pos = end + 1;
      reader.line += 1;
      return true;
    }
    sink.add(buf.subarray(from));
    reader.pos = buf.length;
    if (!(await reader.fill())) return true;
  }
}

function trimBytes(bytes: Uint8Array): Uint8Array {
  let from = 0;
  let to = bytes.length;
  while (from < to && isWhitespace(bytes[from] as number)) from += 1;
  while (to > from && isWhitespace(bytes[to - 1] as number)) to -= 1;
  return bytes.subarray(from, to);
}
