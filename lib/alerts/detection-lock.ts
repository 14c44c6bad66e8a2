import type pg from "pg";

type Queryable = Pick<pg.PoolClient, "query">;

// Any fixed number shared by every Tripline process; the migration runner uses another.
const DETECTION_LOCK_ID = 7_305_118_212;

/**
 * Taken by every transaction that writes alerts from new events; many may hold it at once. It is
 * released when the transaction ends, so re-evaluation never merges while an ingest is half-done.
 */
export async function shareDetectionLock(client: Queryable): Promise<void> {
  await client.query("SELECT pg_advisory_xact_lock_shared($1)", [DETECTION_LOCK_ID]);
}

/**
 * Re-evaluation holds it alone for its whole run (on one session): it waits for ingests that are
 * writing alerts, and they wait for it, so no alert is written from a verdict it has not seen.
 */
export async function takeDetectionLock(client: Queryable): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1)", [DETECTION_LOCK_ID]);
}

export async function releaseDetectionLock(client: Queryable): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1)", [DETECTION_LOCK_ID]);
}
