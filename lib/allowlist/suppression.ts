import type pg from "pg";
import { pool } from "../db/client";

// The entry that suppresses an alert: the oldest enabled, unexpired entry whose pattern matches.
const MATCHING_ENTRY = `
  SELECT e.id FROM allowlist_entry e
  WHERE e.enabled AND e.expires_at > now() AND a.actor ~* e.actor_regex
  ORDER BY e.created_at, e.id LIMIT 1`;

type Queryable = Pick<pg.PoolClient, "query">;

/** Re-evaluates every alert against the allowlist, both ways; returns how many changed. */
export async function reevaluateAllAlerts(client: Queryable = pool()): Promise<number> {
  const result = await client.query(`
    UPDATE alert a SET suppressed_by_id = m.entry_id, updated_at = now()
    FROM (SELECT a.id, (${MATCHING_ENTRY}) AS entry_id FROM alert a) m
    WHERE a.id = m.id AND a.suppressed_by_id IS DISTINCT FROM m.entry_id`);
  return result.rowCount ?? 0;
}

/** Applies the allowlist to newly raised alerts. */
export async function applyToAlerts(client: Queryable, alertIds: readonly bigint[]): Promise<void> {
  if (alertIds.length === 0) return;
  await client.query(
    `UPDATE alert a SET suppressed_by_id = (${MATCHING_ENTRY})
     WHERE a.id = ANY($1::bigint[])`,
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
