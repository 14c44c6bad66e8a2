import { BinaryCopyBuffer } from "../db/copy-binary";
import { indexableKey } from "../db/index-entry";
import type { NormalizedEvent } from "./types";

/** An event ready to store: the normalised fields plus what duplicate handling needs. */
export interface EventToStore {
  event: NormalizedEvent;
  raw: string;
  contentHash: string;
  /** The event's binary COPY fields (eventCopyFields), when a parsing thread encoded them. */
  copyFields?: Uint8Array;
}

/**
 * The event columns the writer fills, in COPY order; the file id follows them. The source IP
 * travels as text and is cast by the server, which owns the inet format.
 */
export const COLUMNS: [name: string, type: string][] = [
  ["source_table", "text"],
  ["kind", "text"],
  ["event_time", "timestamptz"],
  ["operation", "text"],
  ["actor", "text"],
  ["actor_type", "text"],
  ["source_ip", "text"],
  ["source_host", "text"],
  ["account", "text"],
  ["region", "text"],
  ["user_agent", "text"],
  ["outcome", "text"],
  ["outcome_code", "text"],
  ["native_id", "text"],
  ["dedup_key", "text"],
  ["content_hash", "text"],
  ["correlation_id", "text"],
  ["sentinel", "jsonb"],
  ["flags", "text[]"],
  ["raw", "text"],
];

// A native id longer than this is keyed by its digest (db/index-entry.ts).
const MAX_KEYED_ID_CHARS = 512;

/**
 * The key duplicates are judged by: the native id (its digest when it is very long), or the
 * content digest when there is none.
 */
export function dedupKey(item: EventToStore): string {
  const id = item.event.nativeId;
  if (id === null) return `sha256:${item.contentHash}`;
  return indexableKey(id, MAX_KEYED_ID_CHARS, "id");
}

/** Writes the event's columns (COLUMNS, in order) into a binary COPY row. */
export function writeEventFields(out: BinaryCopyBuffer, item: EventToStore): void {
  const { event } = item;
  out.text(event.table);
  out.text(event.kind);
  out.timestamptz(event.eventTime);
  out.text(event.operation);
  out.text(event.actor);
  out.text(event.actorType);
  out.text(event.sourceIp);
  out.text(event.sourceHost);
  out.text(event.account);
  out.text(event.region);
  out.text(event.userAgent);
  out.text(event.outcome);
  out.text(event.outcomeCode);
  out.text(event.nativeId);
  out.text(dedupKey(item));
  out.text(item.contentHash);
  out.text(event.correlationId);
  out.jsonb(JSON.stringify(event.sentinel));
  out.textArray(event.flags);
  out.text(item.raw);
}

/** The event's binary COPY fields on their own, for a parsing thread to encode ahead. */
export function eventCopyFields(item: EventToStore): Uint8Array {
  const out = new BinaryCopyBuffer(item.raw.length * 2 + 1024);
  writeEventFields(out, item);
  // A copy of exactly its bytes: a view would carry its whole buffer across the thread.
  return new Uint8Array(out.fields());
}
