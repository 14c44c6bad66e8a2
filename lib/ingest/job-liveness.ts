import { hostname } from "node:os";
import { pool } from "../db/client";
import { logger } from "../log";
import { HEARTBEAT_EVERY_MS } from "./job-monitor";

const log = logger("ingest");

// A running job whose heartbeat is older than this has lost its process (killed, crashed, the
// machine restarted). Twelve missed heartbeats: a busy event loop never stalls that long.
export const LEASE_MS = 12 * HEARTBEAT_EVERY_MS;
// On this machine a live process id is trusted, except when the job has been silent for so long
// that the id must have been reused by another process (a container restarted, say).
const STALE_MS = 60 * 60 * 1000;

const INTERRUPTED_FILE = JSON.stringify([
  {
    position: "file",
    message:
      "The ingest stopped while this file was being read (the server or command ended), so " +
      "nothing from it was stored. Import it again: records stored before are skipped as " +
      "duplicates.",
  },
]);

/**
 * Marks as interrupted every job still "running" whose process is gone: on this machine, its
 * process id no longer exists (exact, and immediate after a kill); on another machine sharing
 * the database, its lease has lapsed. Their running files become interrupted too; each file's
 * transaction was rolled back with its process, so nothing half-written remains. A job marked
 * by mistake (its machine only stalled) takes its real status back when it finishes. Returns
 * the ids of the jobs marked.
 */
export async function markInterruptedJobs(): Promise<string[]> {
  const running = await pool().query<{
    id: string;
    owner_host: string | null;
    owner_pid: number | null;
  }>("SELECT id, owner_host, owner_pid FROM ingest_job WHERE status = 'running'");
  if (running.rows.length === 0) return [];
  const host = hostname();
  const dead = running.rows
    .filter((job) => job.owner_host === host && job.owner_pid !== null && !isAlive(job.owner_pid))
    .map((job) => job.id);

  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const marked = await client.query<{ id: string }>(
      `UPDATE ingest_job
         SET status = 'interrupted',
             finished_at = coalesce(heartbeat_at, created_at),
             duration_ms = (extract(epoch FROM coalesce(heartbeat_at, created_at) - created_at)
                            * 1000)::int
       WHERE status = 'running'
         AND (id = ANY($1::uuid[])
              OR heartbeat_at IS NULL
              OR (owner_host IS DISTINCT FROM $3
                  AND heartbeat_at < now() - make_interval(secs => $2))
              OR heartbeat_at < now() - make_interval(secs => $4))
       RETURNING id`,
      [dead, LEASE_MS / 1000, host, STALE_MS / 1000],
    );
    const ids = marked.rows.map((row) => row.id);
    await client.query(
      `UPDATE ingest_file
         SET status = 'interrupted', stored = 0, duplicates = 0, id_conflicts = 0, alerts = 0,
             errors = $2::jsonb
       WHERE job_id = ANY($1::uuid[]) AND status = 'running'`,
      [ids, INTERRUPTED_FILE],
    );
    await client.query("COMMIT");
    if (ids.length > 0) log.warn({ jobs: ids }, "ingest jobs marked interrupted");
    return ids;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Whether a process with this id exists here (signal 0 tests without sending anything). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
