import type pg from "pg";
import { pool } from "../db/client";
import { logger } from "../log";

const log = logger("event-partitions");

// Making a partition locks the whole event table: a file transaction still open elsewhere would
// hold it up, and every reader would queue behind it. Give up quickly and try at the next run;
// the rows wait, correct and readable, in event_default.
const LOCK_TIMEOUT = "3s";
const LOCK_NOT_AVAILABLE = "55P03";

/** First days (UTC) of the months around now that get a partition before data arrives. */
export function windowMonths(now: Date, before = 1, after = 2): Date[] {
  const months: Date[] = [];
  for (let offset = -before; offset <= after; offset++) {
    months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)));
  }
  return months;
}

async function monthsInDefault(client: pg.PoolClient): Promise<Date[]> {
  const found = await client.query<{ month: Date }>(
    `SELECT DISTINCT date_trunc('month', event_time AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
     FROM event_default`,
  );
  return found.rows.map((row) => row.month);
}

async function makeMonth(client: pg.PoolClient, month: Date): Promise<boolean> {
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    const made = await client.query<{ made: boolean }>(
      "SELECT event_partition_for_month($1) AS made",
      [month.toISOString()],
    );
    await client.query("COMMIT");
    return made.rows[0]?.made === true;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * Makes the months' partitions in order until the table stays busy past the lock timeout; the
 * months left wait for a later run. Returns the months made.
 */
async function makeMonths(client: pg.PoolClient, months: readonly Date[]): Promise<Date[]> {
  const made: Date[] = [];
  for (const month of months) {
    try {
      if (await makeMonth(client, month)) made.push(month);
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      log.warn({ month: month.toISOString() }, "event table busy: partitions left for later");
      break;
    }
  }
  if (made.length > 0) log.info({ months: made.map((m) => m.toISOString()) }, "partitions made");
  return made;
}

/**
 * Gives every month with stored events, and the months around now, a partition of its own,
 * moving rows out of event_default. Runs outside file transactions: at server start and after
 * each ingest job.
 */
export async function maintainEventPartitions(now = new Date()): Promise<Date[]> {
  const client = await pool().connect();
  try {
    return await makeMonths(client, [...windowMonths(now), ...(await monthsInDefault(client))]);
  } finally {
    client.release();
  }
}

function monthOf(time: Date): number {
  return Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), 1);
}

/**
 * Makes the partitions of the months `times` fall in, on a connection of its own, before a file
 * transaction first writes (afterwards that transaction's own lock would hold this up). Rows of a
 * month not made go to event_default and are moved after the job.
 */
export async function prepareEventPartitions(times: readonly Date[]): Promise<Date[]> {
  const months = [...new Set(times.map(monthOf))].map((ms) => new Date(ms));
  const client = await pool().connect();
  try {
    return await makeMonths(client, months);
  } finally {
    client.release();
  }
}

/** After an ingest job, outside its file transactions: a failure is logged, never the job's. */
export async function maintainAfterJob(jobId: string): Promise<void> {
  await maintainEventPartitions().catch((err: unknown) => {
    log.error({ err, job: jobId }, "could not make the event partitions");
  });
}
