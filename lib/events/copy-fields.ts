import { copyField, copyJsonText, copyText, textArrayLiteral } from "../db/copy-text";
import type { NormalizedEvent } from "./types";

/** An event ready to store: the normalised fields plus what duplicate handling needs. */
export interface EventToStore {
  event: NormalizedEvent;
  raw: string;
  contentHash: string;
  /** The event's COPY fields (eventCopyFields), when a parsing thread encoded them ahead. */
  copyFields?: string;
}

/** The event columns the writer fills, in COPY order; the file id follows them. */
export const COLUMNS: [name: string, type: string][] = [
  ["source_table", "text"],
  ["kind", "text"],
  ["event_time", "timestamptz"],
  ["operation", "text"],
  ["actor", "text"],
  ["actor_type", "text"],
  ["source_ip", "inet"],
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
  ["ingest_file_id", "uuid"],
];

/** The key duplicates are judged by: the native id, or the content digest when there is none. */
export function dedupKey(item: EventToStore): string {
  return item.event.nativeId ?? `sha256:${item.contentHash}`;
}

/**
 * The event's columns up to the raw record as COPY text fields, tab-separated, without the line
 * end. Pure, so a parsing thread can do this work off the writing thread. Joined from an array,
 * which makes one flat string: rows wait in a write batch, and a string built by `+=` would keep
 * its pieces alive (and the garbage collector busy) until the batch is written.
 */
export function eventCopyFields(item: EventToStore): string {
  const { event } = item;
  return [
    copyText(event.table),
    copyText(event.kind),
    event.eventTime.toISOString(),
    copyText(event.operation),
    copyText(event.actor),
    copyText(event.actorType),
    copyField(event.sourceIp),
    copyText(event.sourceHost),
    copyText(event.account),
    copyText(event.region),
    copyText(event.userAgent),
    copyText(event.outcome),
    copyText(event.outcomeCode),
    copyField(event.nativeId),
    copyText(dedupKey(item)),
    copyText(item.contentHash),
    copyText(event.correlationId),
    copyJsonText(JSON.stringify(event.sentinel)),
    copyText(textArrayLiteral(event.flags)),
    copyText(item.raw),
  ].join("\t");
}
