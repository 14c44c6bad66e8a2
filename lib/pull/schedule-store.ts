import { pool } from "../db/client";

export interface DueSource {
  id: string;
  requested: boolean;
}

/**
 * Sources to run now: enabled ones whose time has come, and any with a "Run now" request
 * (paused or not), requests first. Whether it actually runs is decided by its lock.
 */
export async function dueSources(limit: number): Promise<DueSource[]> {
  const { rows } = await pool().query<{ id: string; requested: boolean }>(
    `SELECT id, run_requested_at IS NOT NULL AS requested
       FROM pull_source
      WHERE run_requested_at IS NOT NULL OR (enabled AND next_run_at <= now())
      ORDER BY run_requested_at NULLS LAST, next_run_at
      LIMIT $1`,
    [limit],
  );
  return rows;
}

/**
 * Sets the next run one interval after this one finished, and clears a "Run now" request made
 * before this run began (one made during it still gets its own run).
 */
export async function scheduleNext(
  sourceId: string,
  finishedAt: Date,
  startedAt: Date,
): Promise<void> {
  await pool().query(
    `UPDATE pull_source
        SET next_run_at = $2::timestamptz + make_interval(mins => interval_minutes),
            run_requested_at = CASE WHEN run_requested_at <= $3 THEN NULL
                                    ELSE run_requested_at END
      WHERE id = $1`,
    [sourceId, finishedAt, startedAt],
  );
}
