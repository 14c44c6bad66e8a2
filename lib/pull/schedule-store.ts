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
 * The "Run now" request a run that has just taken the source's lock serves: the time it was
 * made, or null. Read under the lock, so a click between the scheduler's pick and the run's start
 * is served by this run (and labelled manual) rather than cleared unseen.
 */
export async function pendingRequest(sourceId: string): Promise<Date | null> {
  const { rows } = await pool().query<{ requested: Date | null }>(
    "SELECT run_requested_at AS requested FROM pull_source WHERE id = $1",
    [sourceId],
  );
  return rows[0]?.requested ?? null;
}

/**
 * Sets the next run one interval after this one finished, and clears the "Run now" request this
 * run served (`served`, from pendingRequest); one made during the run still gets its own run.
 */
export async function scheduleNext(
  sourceId: string,
  finishedAt: Date,
  served: Date | null,
): Promise<void> {
  await pool().query(
    `UPDATE pull_source
        SET next_run_at = $2::timestamptz + make_interval(mins => interval_minutes),
            run_requested_at = CASE WHEN run_requested_at <= $3::timestamptz THEN NULL
                                    ELSE run_requested_at END
      WHERE id = $1`,
    [sourceId, finishedAt, served],
  );
}
