import { AppError } from "../errors";
import { terminalText } from "../text/visible-controls";

/** Why a whole file could not be read. A single bad record is rejected alone, never thrown. */
export const INGEST_ERROR_CODES = [
  "corrupt_gzip",
  "corrupt_archive",
  "invalid_json",
  "invalid_csv",
  "date_order",
  "unknown_shape",
  "unsupported_shape",
  "file_too_large",
  "empty_file",
  "read_failed",
] as const;

export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

/**
 * A file that cannot be read at all. `message` is one plain sentence for the user that names what
 * was wrong and where (byte offset or line). It may be thrown while the records are being read,
 * when the fault (a truncation) only shows late: the caller must then discard the whole file.
 */
export class IngestError extends Error {
  readonly code: IngestErrorCode;

  constructor(code: IngestErrorCode, message: string, options?: { cause?: unknown }) {
    // Messages quote the file and are stored in PostgreSQL, which cannot hold U+0000.
    super(message.replaceAll("\u0000", "\ufffd"), options);
    this.name = "IngestError";
    this.code = code;
  }

  /** The application error a route handler answers with. */
  toAppError(): AppError {
    const code = this.code === "file_too_large" ? "payload_too_large" : "unprocessable";
    return new AppError(code, this.message, { cause: this });
  }
}

/** "1.5 MB" style sizes for messages. */
export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * The start of a file's text as a message quotes it: control characters shown as `\x1b`-style
 * escapes (they would reach terminals and logs raw), at most `max` characters.
 */
export function quoteStart(text: string, max = 60): string {
  const clipped = text.length > max ? `${text.slice(0, max)}...` : text;
  return terminalText(clipped);
}
