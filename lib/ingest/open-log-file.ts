import { ByteReader } from "./byte-reader";
import { openCsv } from "./csv/open-csv";
import { decompress } from "./decompress";
import { DEFAULT_LIMITS, type LogFile, type OpenOptions } from "./log-file";
import { openJson } from "./open-json";
import { sniffFormat } from "./sniff";

export type { FileRecord, RecordPosition } from "./build-record";
export { DEFAULT_LIMITS, type LogFile, type LogFileLimits, type OpenOptions } from "./log-file";
export type { ShapeId } from "./shapes";

/**
 * Opens an uploaded log file as a stream of records: removes gzip layers, tells JSON from CSV,
 * recognises the shape by content, and yields each record normalised with its raw text, or
 * rejected with a reason. Memory stays bounded by the largest record (and, for a CSV file whose
 * date order is not yet known, by the rows held to learn it). Throws an IngestError for a file
 * that cannot be read at all (corrupt gzip, broken JSON or CSV, unknown or unsupported shape).
 */
export async function openLogFile(
  source: AsyncIterable<Uint8Array>,
  options: Partial<OpenOptions> = {},
): Promise<LogFile> {
  const { maxRecordBytes, maxFileBytes } = { ...DEFAULT_LIMITS, ...options };
  const decompressed = await decompress(source);
  const gzipLayers = decompressed.gzipLayers + (options.gzipLayers ?? 0);
  const reader = new ByteReader(decompressed.bytes, {
    maxFileBytes,
    decompressed: gzipLayers > 0 || options.packed === true,
  });
  try {
    const format = await sniffFormat(reader);
    if (format === "csv") {
      return await openCsv(
        reader,
        { maxRecordBytes, dateOrder: options.dateOrder ?? null },
        gzipLayers,
      );
    }
    return await openJson(reader, maxRecordBytes, gzipLayers);
  } catch (error) {
    await reader.close();
    throw error;
  }
}
