import { pool } from "../db/client";

/**
 * Claims the next start slot for `key`, `intervalMs` after the one claimed before it by any
 * process on this database, and returns how long to wait for it. The database's clock decides,
 * so the processes' clocks need not agree. Slots are stored to the millisecond: the wait is
 * rounded down, never by more than one.
 */
export async function claimRateSlot(key: string, intervalMs: number): Promise<number> {
  const { rows } = await pool().query<{ wait_ms: number }>(
    `WITH t AS (SELECT clock_timestamp() AS at, make_interval(secs => $2::float8 / 1000) AS gap)
     INSERT INTO pull_rate_slot AS s (key, next_at)
     SELECT $1, t.at + t.gap FROM t
     ON CONFLICT (key) DO UPDATE
       SET next_at = GREATEST(s.next_at, (SELECT at FROM t)) + (SELECT gap FROM t)
     RETURNING GREATEST(0, EXTRACT(EPOCH FROM s.next_at - (SELECT at FROM t)) * 1000 - $2)::float8
               AS wait_ms`,
    [key, intervalMs],
  );
  return Math.floor(rows[0]?.wait_ms ?? 0);
}
