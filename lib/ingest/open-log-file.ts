import { describeKeys, isObject } from "../normalize/json";
import { buildRecord, type FileRecord, type ParsedElement, parseElement } from "./build-record";
import { ByteReader } from "./byte-reader";
import { classifyRecord } from "./classify";
import { decompress } from "./decompress";
import { IngestError } from "./ingest-error";
import { describeShape, type Shape, type ShapeId } from "./shapes";
import { sniffJson } from "./sniff";
import { type Layout, type RawElement, type RawItem, walkJson } from "./walk-json";

export type { FileRecord, RecordPosition } from "./build-record";
export type { ShapeId } from "./shapes";

export interface LogFile {
  shape: ShapeId;
  /** Human words for the shape, e.g. "CloudTrail S3 delivery file (gzip)". */
  shapeLabel: string;
  /** Information for the user when the file holds nothing to import (a digest file). */
  notice: string | null;
  /** The file's records in order; single use. May throw an IngestError part-way. */
  records: AsyncIterable<FileRecord>;
}

export interface LogFileLimits {
  /** Largest single record, uncompressed; a larger one is rejected alone. */
  maxRecordBytes: number;
  /** Largest file, uncompressed; a larger one fails as a whole. */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: LogFileLimits = {
  // Far above any real record (CloudTrail caps request bodies well below), below V8's string limit.
  maxRecordBytes: 64 * 1024 * 1024,
  // Judged on decompressed bytes, so a small gzip cannot expand without bound.
  maxFileBytes: 16 * 1024 * 1024 * 1024,
};

// Records read ahead to find the first readable one, which names the file's shape.
const LOOKAHEAD_RECORDS = 16;

/**
 * Opens an uploaded log file as a stream of records: removes gzip layers, recognises the shape
 * by content, and yields each record normalised with its raw text, or rejected with a reason.
 * Memory stays bounded by the largest record. Throws an IngestError for a file that cannot be
 * read at all (corrupt gzip, broken JSON, unknown or unsupported shape).
 */
export async function openLogFile(
  source: AsyncIterable<Uint8Array>,
  limits: Partial<LogFileLimits> = {},
): Promise<LogFile> {
  const { maxRecordBytes, maxFileBytes } = { ...DEFAULT_LIMITS, ...limits };
  const { bytes, gzipLayers } = await decompress(source);
  const reader = new ByteReader(bytes, { maxFileBytes });
  const items = walkJson(reader, maxRecordBytes);
  let ahead: ReadAhead;
  let shape: Shape;
  try {
    await sniffJson(reader);
    ahead = await readAhead(items, maxRecordBytes);
    shape = recogniseShape(ahead, gzipLayers);
  } catch (error) {
    await reader.close();
    throw error;
  }
  const digestOnly = shape.shape === "cloudtrail-digest" && ahead.layout === "document";

  async function* records(): AsyncGenerator<FileRecord> {
    try {
      if (digestOnly) return;
      let index = 0;
      for (const { element, parsed } of ahead.parsed) {
        index += 1;
        yield buildRecord(element, index, parsed);
      }
      for await (const item of items) {
        if (item.type !== "element") continue;
        index += 1;
        yield buildRecord(item, index, parseElement(item, maxRecordBytes));
      }
    } finally {
      await reader.close();
    }
  }
  return { ...shape, records: records() };
}

/** Names the file by its first readable record; a file of unknown records is refused. */
function recogniseShape(ahead: ReadAhead, gzipLayers: number): Shape {
  const firstParsed = ahead.parsed.find((p) => p.parsed.ok)?.parsed;
  const firstValue = firstParsed?.ok ? firstParsed.value : undefined;
  const kind = ahead.parsed.length === 0 ? null : classifyRecord(firstValue);
  if (ahead.layout !== "Records" && kind !== null && kind.family === "unknown") {
    throw unknownShape(firstValue, ahead.parsed[0]?.parsed);
  }
  return describeShape(ahead.layout, kind, gzipLayers);
}

interface ReadAhead {
  layout: Layout | null;
  parsed: { element: RawElement; parsed: ParsedElement }[];
}

/** Reads records up to the first one that parses, keeping them for the record stream. */
async function readAhead(
  items: AsyncGenerator<RawItem>,
  maxRecordBytes: number,
): Promise<ReadAhead> {
  const ahead: ReadAhead = { layout: null, parsed: [] };
  let heldBytes = 0;
  while (ahead.parsed.length < LOOKAHEAD_RECORDS && heldBytes <= maxRecordBytes) {
    const next = await items.next();
    if (next.done) break;
    const item = next.value;
    ahead.layout ??= item.layout;
    if (item.type !== "element") continue;
    const parsed = parseElement(item, maxRecordBytes);
    ahead.parsed.push({ element: item, parsed });
    heldBytes += item.size;
    if (parsed.ok) break;
  }
  return ahead;
}

function unknownShape(value: unknown, firstParsed: ParsedElement | undefined): IngestError {
  if (value === undefined) {
    const why = firstParsed !== undefined && !firstParsed.ok ? ` ${firstParsed.reason}` : "";
    return new IngestError(
      "invalid_json",
      `The file's first records could not be read, so its shape is unknown.${why}`,
    );
  }
  const keys = isObject(value) ? `its keys: ${describeKeys(value)}` : "it is not a JSON object";
  return new IngestError(
    "unknown_shape",
    "The file is JSON but not a CloudTrail, Azure Activity or Entra ID audit log " +
      `export Tripline recognises (first record: ${keys}).`,
  );
}
