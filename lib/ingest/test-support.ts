// Helpers for the ingest tests: byte sources and a reader that drains a LogFile.
import { createReadStream } from "node:fs";
import { gzipSync } from "node:zlib";
import type { FileRecord, LogFile } from "./open-log-file";

export function fileSource(file: string): AsyncIterable<Uint8Array> {
  return createReadStream(file);
}

/** Bytes of text (or given bytes) handed over in chunks of `chunkSize`, to test boundaries. */
export async function* chunked(
  content: string | Uint8Array,
  chunkSize = 64 * 1024,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  for (let at = 0; at < bytes.length; at += chunkSize) {
    yield bytes.subarray(at, at + chunkSize);
  }
}

export function gzip(content: string | Uint8Array): Uint8Array {
  return gzipSync(content);
}

export interface Drained {
  events: Extract<FileRecord, { kind: "event" }>[];
  rejected: Extract<FileRecord, { kind: "rejected" }>[];
}

export async function drain(file: LogFile): Promise<Drained> {
  const drained: Drained = { events: [], rejected: [] };
  for await (const record of file.records) {
    if (record.kind === "event") drained.events.push(record);
    else drained.rejected.push(record);
  }
  return drained;
}

/** The identity a stored event is deduplicated by: table, native id or digest, and content. */
export function storageKey(record: Extract<FileRecord, { kind: "event" }>): string {
  const id = record.event.nativeId ?? `sha256:${record.contentHash}`;
  return `${record.event.table}\u0000${id}\u0000${record.contentHash}`;
}

/** The error a promise or an async step rejects with (fails the test if it resolves). */
export async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but it resolved");
}
