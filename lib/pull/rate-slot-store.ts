import { pool } from "../db/client";

/**
 * Claims the next start slot for `key`, `intervalMs` after the one claimed before it by any
 * process on this database, and returns how long to wait for it. The database's clock decides,
 * so the processes' clocks need not agree.
 */
export async function claimRateSlot(key: string, intervalMs: number): Promise<number> {
  const { rows } = await pool().query<{ wait_ms: number }>(
    `INSERT INTO pull_rate_slot AS s (key, next_at)
     VALUES ($1, clock_timestamp() + make_interval(secs => $2::float8 / 1000))
     ON CONFLICT (key) DO UPDATE
       SET next_at = GREATEST(s.next_at, clock_timestamp())
                     + make_interval(secs => $2::float8 / 1000)
     RETURNING GREATEST(0, EXTRACT(EPOCH FROM s.next_at - clock_timestamp()) * 1000 - $2)::float8
               AS wait_ms`,
    [key, intervalMs],
  );
  return Math.ceil(rows[0]?.wait_ms ?? 0);
}
