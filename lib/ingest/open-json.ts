import { describeKeys, isObject } from "../normalize/json";
import {
  buildRecord,
  type FileRecord,
  type ParsedElement,
  parseElement,
  positionOf,
} from "./build-record";
import type { ByteReader } from "./byte-reader";
import { classifyRecord } from "./classify";
import { IngestError } from "./ingest-error";
import type { LogFile } from "./log-file";
import { describeShape, type Shape } from "./shapes";
import { type Layout, type RawElement, type RawItem, walkJson } from "./walk-json";

// Records read ahead to find the first readable one, which names the file's shape.
const LOOKAHEAD_RECORDS = 16;

/**
 * Opens a JSON log file (the reader is past any byte-order mark): records are split without
 * holding more than one, and the first readable record names the shape.
 */
export async function openJson(
  reader: ByteReader,
  maxRecordBytes: number,
  gzipLayers: number,
): Promise<LogFile> {
  const items = walkJson(reader, maxRecordBytes);
  const ahead = await readAhead(items, maxRecordBytes);
  const shape = recogniseShape(ahead, gzipLayers);
  const digestOnly = shape.shape === "cloudtrail-digest" && ahead.layout === "document";

  async function* records(): AsyncGenerator<FileRecord> {
    try {
      if (digestOnly) return;
      let index = 0;
      for (const { element, parsed } of ahead.parsed) {
        index += 1;
        yield buildRecord(positionOf(element, index), parsed);
      }
      for await (const item of items) {
        if (item.type !== "element") continue;
        index += 1;
        yield buildRecord(positionOf(item, index), parseElement(item, maxRecordBytes));
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
