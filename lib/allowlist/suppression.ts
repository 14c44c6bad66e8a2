import type pg from "pg";
import { pool } from "../db/client";
import { SUPPRESSING_ENTRY } from "./predicate";

type Queryable = Pick<pg.PoolClient, "query">;

// Entries that just took alerts on record when; shown as "last matched" on the allowlist page.
const MARK_MATCHED = `
  UPDATE allowlist_entry SET last_matched_at = now()
  WHERE id IN (SELECT DISTINCT suppressed_by_id FROM changed WHERE suppressed_by_id IS NOT NULL)`;

/** Re-evaluates every alert against the allowlist, both ways; returns how many changed. */
export async function reevaluateAllAlerts(client: Queryable = pool()): Promise<number> {
  const result = await client.query<{ n: number }>(`
    WITH decided AS (
      SELECT a.id, (${SUPPRESSING_ENTRY}) AS entry_id
      FROM alert a JOIN event ev ON ev.id = a.event_id AND ev.event_time = a.event_time
    ), changed AS (
      UPDATE alert a SET suppressed_by_id = d.entry_id, updated_at = now()
      FROM decided d WHERE a.id = d.id AND a.suppressed_by_id IS DISTINCT FROM d.entry_id
      RETURNING a.suppressed_by_id
    ), marked AS (${MARK_MATCHED})
    SELECT count(*)::int AS n FROM changed`);
  return result.rows[0]?.n ?? 0;
}

/**
 * Applies the allowlist to newly raised alerts (never suppressed yet). Only alerts whose verdict
 * changes are written: an update rewrites the row and every alert index, and most new alerts
 * match no entry.
 */
export async function applyToAlerts(client: Queryable, alertIds: readonly bigint[]): Promise<void> {
  if (alertIds.length === 0) return;
  await client.query(
    `WITH decided AS (
       SELECT a.id, (${SUPPRESSING_ENTRY}) AS entry_id
       FROM alert a JOIN event ev ON ev.id = a.event_id AND ev.event_time = a.event_time
       WHERE a.id = ANY($1::bigint[])
         -- No entry in force: nothing to judge, and new alerts are not suppressed already.
         AND EXISTS (SELECT 1 FROM allowlist_entry e WHERE e.enabled AND e.expires_at > now())
     ), changed AS (
       UPDATE alert a SET suppressed_by_id = d.entry_id
       FROM decided d
       WHERE a.id = d.id AND a.suppressed_by_id IS DISTINCT FROM d.entry_id
       RETURNING a.suppressed_by_id
     ) ${MARK_MATCHED}`,
    [alertIds.map(String)],
  );
}

/**
 * Expiry needs no user action: alerts still held by a lapsed or disabled entry are re-evaluated
 * before alerts are read. The check is one indexed probe when nothing has lapsed.
 */
export async function releaseLapsedSuppressions(client: Queryable = pool()): Promise<void> {
  const lapsed = await client.query(`
    SELECT 1 FROM allowlist_entry e
    WHERE (e.expires_at <= now() OR NOT e.enabled)
      AND EXISTS (SELECT 1 FROM alert a WHERE a.suppressed_by_id = e.id)
    LIMIT 1`);
  if ((lapsed.rowCount ?? 0) > 0) await reevaluateAllAlerts(client);
}
