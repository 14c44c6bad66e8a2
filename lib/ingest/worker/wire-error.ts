import { INGEST_ERROR_CODES, IngestError, type IngestErrorCode } from "../ingest-error";
import type { WireError } from "./protocol";

export function toWire(error: unknown): WireError {
  if (error instanceof IngestError) return { code: error.code, message: error.message };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

function isIngestCode(code: string | null): code is IngestErrorCode {
  return INGEST_ERROR_CODES.some((known) => known === code);
}

/** The error again on this side; `cause` is what this side knows of it (the source's error). */
export function fromWire(wire: WireError, cause?: unknown): Error {
  if (isIngestCode(wire.code)) return new IngestError(wire.code, wire.message, { cause });
  return new Error(wire.message, { cause });
}
