import type pg from "pg";
import { pool } from "../db/client";

/**
 * Runs `work` only if no other run of the source is under way, in this process or any other
 * server or CLI on the same database: a session-level advisory lock, held on a connection of its
 * own for the run's length. A process that dies drops its connection and so its lock.
 * Returns null, without running, when the lock is taken.
 */
export async function withSourceLock<T>(
  sourceId: string,
  work: () => Promise<T>,
): Promise<T | null> {
  const key = `tripline:pull:${sourceId}`;
  const client = await pool().connect();
  let stuck = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      "SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked",
      [key],
    );
    if (!rows[0]?.locked) return null;
    try {
      return await work();
    } finally {
      stuck = !(await unlock(client, key));
    }
  } finally {
    // A connection whose unlock failed is closed, not pooled: closing it is what frees the lock.
    client.release(stuck);
  }
}

async function unlock(client: pg.PoolClient, key: string): Promise<boolean> {
  try {
    await client.query("SELECT pg_advisory_unlock(hashtextextended($1, 0))", [key]);
    return true;
  } catch {
    return false;
  }
}
