import { BinaryCopyBuffer } from "../db/copy-binary";
import { type CopyClient, copyIn } from "../db/copy-in";
import { COLUMNS, dedupKey, type EventToStore, writeEventFields } from "./copy-fields";

export { dedupKey, type EventToStore } from "./copy-fields";

export interface StoredEvent {
  id: bigint;
  /** Index of the event in the batch that was written. */
  index: number;
  idConflict: boolean;
}

const STAGE_COLUMNS: [name: string, type: string][] = [...COLUMNS, ["ingest_file_id", "uuid"]];
const names = STAGE_COLUMNS.map(([name]) => name).join(", ");
const staged = STAGE_COLUMNS.map(([name]) => (name === "source_ip" ? `${name}::inet` : name));
const FIELD_COUNT = STAGE_COLUMNS.length + 1;

// A session's own staging table: COPY fills it, one INSERT … SELECT moves it into event.
// Emptied before each batch rather than on commit, so it also works outside a transaction.
const PREPARE_STAGE = `
  CREATE TEMP TABLE IF NOT EXISTS event_stage (
    ord int4, ${STAGE_COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")});
  TRUNCATE event_stage`;

const COPY_STAGE = `COPY event_stage (ord, ${names}) FROM STDIN (FORMAT binary)`;

// Rows whose (table, dedup key, content) is already stored, earlier in the file or in the
// batch, are duplicates and are skipped by the unique index, never doubled. The outer SELECT
// sees the table as it was before the INSERT, so a new row whose key is found there has a
// stored twin with other content: an id conflict.
const INSERT_STAGED = `
  WITH inserted AS (
    INSERT INTO event (${names})
    SELECT ${staged.join(", ")} FROM event_stage ORDER BY ord
    ON CONFLICT (source_table, dedup_key, content_hash, event_time) DO NOTHING
    RETURNING id, source_table, dedup_key, content_hash)
  SELECT i.id, i.source_table, i.dedup_key, i.content_hash, EXISTS (
      SELECT 1 FROM event o WHERE o.source_table = i.source_table AND o.dedup_key = i.dedup_key
    ) AS clash
  FROM inserted i`;

// Same id, different content: both records are kept, and every one of them is flagged.
const FLAG_ID_CONFLICTS = `
  UPDATE event e SET id_conflict = true
  FROM unnest($1::text[], $2::text[]) AS k(source_table, dedup_key)
  WHERE e.source_table = k.source_table AND e.dedup_key = k.dedup_key AND NOT e.id_conflict
  RETURNING e.id, e.ingest_file_id`;

interface InsertedRow {
  id: string;
  source_table: string;
  dedup_key: string;
  content_hash: string;
  clash: boolean;
}

/** Keys of new rows that clash with a stored row or with another new row of the batch. */
function conflictingKeys(rows: readonly InsertedRow[]): [string, string][] {
  const seen = new Map<string, { row: InsertedRow; conflict: boolean }>();
  for (const row of rows) {
    const key = `${row.source_table}\u0000${row.dedup_key}`;
    const entry = seen.get(key);
    if (entry) entry.conflict = true;
    else seen.set(key, { row, conflict: row.clash });
  }
  return [...seen.values()]
    .filter((entry) => entry.conflict)
    .map(({ row }) => [row.source_table, row.dedup_key]);
}

/** Flags the rows of every clashing key; returns the ids flagged and how many are the file's. */
async function flagConflicts(
  client: CopyClient,
  rows: readonly InsertedRow[],
  fileId: string | null,
): Promise<{ ids: Set<string>; ofFile: number }> {
  const keys = conflictingKeys(rows);
  if (keys.length === 0) return { ids: new Set(), ofFile: 0 };
  const flagged = await client.query<{ id: string; ingest_file_id: string | null }>(
    FLAG_ID_CONFLICTS,
    [keys.map(([table]) => table), keys.map(([, key]) => key)],
  );
  const ofFile = flagged.rows.filter((r) => fileId !== null && r.ingest_file_id === fileId);
  return { ids: new Set(flagged.rows.map((r) => r.id)), ofFile: ofFile.length };
}

/** A file's count of its rows flagged as id conflicts, once each (the file's outcome). */
export interface ConflictTally {
  idConflicts: number;
}

/** Room for a batch's rows at once: the raw records plus the columns beside them. */
function estimateBytes(items: readonly EventToStore[]): number {
  let chars = 0;
  for (const item of items) chars += item.raw.length;
  return Math.ceil(chars * 1.7) + items.length * 1024;
}

/**
 * Stores a batch of events through COPY and one set-based INSERT, skipping duplicates, and flags
 * id conflicts. Returns the events that were new, with their ids. `client` is one session.
 * `tally` counts the file's rows flagged, including rows of its earlier batches that a record of
 * this one conflicts with.
 */
export async function writeEvents(
  client: CopyClient,
  items: readonly EventToStore[],
  fileId: string | null,
  tally?: ConflictTally,
): Promise<StoredEvent[]> {
  if (items.length === 0) return [];
  await client.query(PREPARE_STAGE);
  const rows = new BinaryCopyBuffer(estimateBytes(items));
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as EventToStore;
    rows.row(FIELD_COUNT);
    rows.int4(i);
    if (item.copyFields) rows.append(item.copyFields);
    else writeEventFields(rows, item);
    rows.uuid(fileId);
  }
  await copyIn(client, COPY_STAGE, rows.stream());
  const inserted = await client.query<InsertedRow>(INSERT_STAGED);
  const conflicted = await flagConflicts(client, inserted.rows, fileId);
  if (tally) tally.idConflicts += conflicted.ofFile;

  const indexByKey = new Map<string, number>();
  items.forEach((item, index) => {
    const key = `${item.event.table}\u0000${dedupKey(item)}\u0000${item.contentHash}`;
    if (!indexByKey.has(key)) indexByKey.set(key, index);
  });
  return inserted.rows.map((row) => {
    const index = indexByKey.get(
      `${row.source_table}\u0000${row.dedup_key}\u0000${row.content_hash}`,
    );
    if (index === undefined) throw new Error("stored event does not match its batch");
    return { id: BigInt(row.id), index, idConflict: conflicted.ids.has(row.id) };
  });
}
