import type pg from "pg";
import type { NormalizedEvent } from "./types";

/** An event ready to store: the normalised fields plus what duplicate handling needs. */
export interface EventToStore {
  event: NormalizedEvent;
  raw: string;
  contentHash: string;
}

export interface StoredEvent {
  id: bigint;
  /** Index of the event in the batch that was written. */
  index: number;
  idConflict: boolean;
}

const COLUMNS: [name: string, type: string][] = [
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
  ["flags", "text"], // a JSON array per row; unnest cannot take a 2-D array of ragged rows
  ["raw", "text"],
  ["ingest_file_id", "uuid"],
];

/** The key duplicates are judged by: the native id, or the content digest when there is none. */
export function dedupKey(item: EventToStore): string {
  return item.event.nativeId ?? `sha256:${item.contentHash}`;
}

function columnValues(items: readonly EventToStore[], fileId: string | null): unknown[][] {
  return [
    items.map((i) => i.event.table),
    items.map((i) => i.event.kind),
    items.map((i) => i.event.eventTime.toISOString()),
    items.map((i) => i.event.operation),
    items.map((i) => i.event.actor),
    items.map((i) => i.event.actorType),
    items.map((i) => i.event.sourceIp),
    items.map((i) => i.event.sourceHost),
    items.map((i) => i.event.account),
    items.map((i) => i.event.region),
    items.map((i) => i.event.userAgent),
    items.map((i) => i.event.outcome),
    items.map((i) => i.event.outcomeCode),
    items.map((i) => i.event.nativeId),
    items.map(dedupKey),
    items.map((i) => i.contentHash),
    items.map((i) => i.event.correlationId),
    items.map((i) => JSON.stringify(i.event.sentinel)),
    items.map((i) => JSON.stringify(i.event.flags)),
    items.map((i) => i.raw),
    items.map(() => fileId),
  ];
}

const names = COLUMNS.map(([name]) => name).join(", ");
const unnestArgs = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
const selectList = COLUMNS.map(([name]) =>
  name === "flags" ? "ARRAY(SELECT jsonb_array_elements_text(flags::jsonb))" : name,
).join(", ");

// One statement per batch: rows whose (table, dedup key, content) is already stored are
// duplicates and are skipped by the unique index, never doubled.
const INSERT_BATCH = `
  INSERT INTO event (${names})
  SELECT ${selectList} FROM unnest(${unnestArgs}) AS t(${names})
  ON CONFLICT (source_table, dedup_key, content_hash) DO NOTHING
  RETURNING id, source_table, dedup_key, content_hash`;

// Same id, different content: both records are kept, and every one of them is flagged.
const FLAG_ID_CONFLICTS = `
  UPDATE event e SET id_conflict = true
  FROM event n
  WHERE n.id = ANY($1::bigint[])
    AND e.source_table = n.source_table AND e.dedup_key = n.dedup_key
    AND EXISTS (
      SELECT 1 FROM event o
      WHERE o.source_table = n.source_table AND o.dedup_key = n.dedup_key
        AND o.content_hash <> n.content_hash)
  RETURNING e.id`;

/**
 * Stores a batch of events in one statement, skipping duplicates, and flags id conflicts.
 * Returns the events that were new, with their ids.
 */
export async function writeEvents(
  client: Pick<pg.PoolClient, "query">,
  items: readonly EventToStore[],
  fileId: string | null,
): Promise<StoredEvent[]> {
  if (items.length === 0) return [];
  const inserted = await client.query<{
    id: string;
    source_table: string;
    dedup_key: string;
    content_hash: string;
  }>(INSERT_BATCH, columnValues(items, fileId));

  const indexByKey = new Map<string, number>();
  items.forEach((item, index) => {
    const key = `${item.event.table}\u0000${dedupKey(item)}\u0000${item.contentHash}`;
    if (!indexByKey.has(key)) indexByKey.set(key, index);
  });
  const ids = inserted.rows.map((row) => row.id);
  const conflicted = new Set(
    ids.length === 0
      ? []
      : (await client.query<{ id: string }>(FLAG_ID_CONFLICTS, [ids])).rows.map((r) => r.id),
  );

  return inserted.rows.map((row) => {
    const index = indexByKey.get(
      `${row.source_table}\u0000${row.dedup_key}\u0000${row.content_hash}`,
    );
    if (index === undefined) throw new Error("stored event does not match its batch");
    return { id: BigInt(row.id), index, idConflict: conflicted.has(row.id) };
  });
}
