import type { DateOrder } from "../normalize/locale-date";
import type { FileRecord } from "./build-record";
import type { ShapeId } from "./shapes";

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

export interface OpenOptions extends LogFileLimits {
  /** How CSV exports write dates when the file itself cannot tell; null to decide from it. */
  dateOrder: DateOrder | null;
  /** Gzip layers the caller already removed (an archive reader), for the shape's label. */
  gzipLayers: number;
  /** The bytes came out of an archive: size limits then say they count unpacked bytes. */
  packed: boolean;
}

export const DEFAULT_LIMITS: LogFileLimits = {
  // Far above any real record (CloudTrail caps request bodies well below), below V8's string limit.
  maxRecordBytes: 64 * 1024 * 1024,
  // Judged on decompressed bytes, so a small gzip cannot expand without bound.
  maxFileBytes: 16 * 1024 * 1024 * 1024,
};
