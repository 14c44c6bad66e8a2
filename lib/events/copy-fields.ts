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
 * end. Pure, so a parsing thread can do this work off the writing thread. Built as one string,
 * field by field, for the thread does this for every event; the time is written as it is,
 * for its text never holds a character COPY escapes.
 */
export function eventCopyFields(item: EventToStore): string {
  const { event } = item;
  let text = `${copyText(event.table)}\t${copyText(event.kind)}`;
  text += `\t${event.eventTime.toISOString()}\t${copyText(event.operation)}`;
  text += `\t${copyText(event.actor)}\t${copyText(event.actorType)}`;
  text += `\t${copyField(event.sourceIp)}\t${copyText(event.sourceHost)}`;
  text += `\t${copyText(event.account)}\t${copyText(event.region)}`;
  text += `\t${copyText(event.userAgent)}\t${copyText(event.outcome)}`;
  text += `\t${copyText(event.outcomeCode)}\t${copyField(event.nativeId)}`;
  text += `\t${copyText(dedupKey(item))}\t${copyText(item.contentHash)}`;
  text += `\t${copyText(event.correlationId)}\t${copyJsonText(JSON.stringify(event.sentinel))}`;
  return `${text}\t${copyText(textArrayLiteral(event.flags))}\t${copyText(item.raw)}`;
}
