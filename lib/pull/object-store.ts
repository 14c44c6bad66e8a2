import { pool } from "../db/client";

/** The ETag each of `keys` had when it was ingested, for the keys this source already read. */
export async function processedObjects(
  sourceId: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const { rows } = await pool().query<{ key: string; etag: string }>(
    "SELECT key, etag FROM pull_object WHERE source_id = $1 AND key = ANY($2::text[])",
    [sourceId, keys],
  );
  return new Map(rows.map((row) => [row.key, row.etag]));
}

/** Marks an object read; written after its events are stored, so a crash re-reads, never skips. */
export async function recordObject(
  sourceId: string,
  object: { key: string; etag: string; day: Date; status: string },
): Promise<void> {
  await pool().query(
    `INSERT INTO pull_object (source_id, key, etag, day, status)
     VALUES ($1, $2, $3, $4::date, $5)
     ON CONFLICT (source_id, key)
     DO UPDATE SET etag = EXCLUDED.etag, status = EXCLUDED.status, processed_at = now()`,
    [sourceId, object.key, object.etag, object.day.toISOString().slice(0, 10), object.status],
  );
}

/** Forgets objects of days before the look-back window: no later run lists them again. */
export async function pruneObjects(sourceId: string, beforeDay: Date): Promise<void> {
  await pool().query("DELETE FROM pull_object WHERE source_id = $1 AND day < $2::date", [
    sourceId,
    beforeDay.toISOString().slice(0, 10),
  ]);
}
