import type pg from "pg";
import { db, pool } from "../db/client";
import { AppError } from "../errors";
import { logger } from "../log";
import { alertWhereSql } from "./filter-sql";
import type { AlertFilter } from "./schemas";
import type { TriageChange } from "./triage-schemas";

const log = logger("triage");

/** Which alerts a change targets: chosen ids, or everything matching a filter. */
export type TriageTarget = { ids: readonly bigint[] } | { filter: AlertFilter };

function targetSql(target: TriageTarget): { text: string; values: unknown[] } {
  if ("ids" in target) {
    return { text: "a.id = ANY($1::bigint[])", values: [target.ids.map(String)] };
  }
  return alertWhereSql(target.filter);
}

/** How many alerts a target holds: the number a bulk action asks the user to confirm. */
export async function countTarget(target: TriageTarget): Promise<number> {
  const where = targetSql(target);
  const result = await pool().query<{ n: string }>(
    `SELECT count(*) AS n FROM alert a WHERE ${where.text}`,
    where.values,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Applies one change to every targeted alert in one statement, and records each field that
 * actually changed (who, when, from, to) in the same transaction.
 */
export async function applyTriage(
  target: TriageTarget,
  change: TriageChange,
  by: string,
): Promise<number> {
  const where = targetSql(target);
  const n = where.values.length;
  const sets: string[] = [];
  const values = [...where.values];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  if (change.status !== undefined) {
    sets.push(`status = ${bind(change.status)}`);
    sets.push(`classification = ${bind(change.classification ?? null)}`);
    sets.push(`closing_note = ${change.status === "closed" ? bind(change.note ?? null) : "NULL"}`);
    sets.push(`closed_at = ${change.status === "closed" ? "now()" : "NULL"}`);
  }
  if (change.assignee !== undefined) sets.push(`assignee = ${bind(change.assignee || null)}`);
  const byParam = bind(by);
  if (values.length === n + 1) throw new AppError("bad_request", "Nothing to change.");

  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const changed = await updateWithHistory(client, where.text, sets, byParam, values);
    await client.query("COMMIT");
    log.info({ changed, by }, "alerts triaged");
    return changed;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

async function updateWithHistory(
  client: pg.PoolClient,
  where: string,
  sets: string[],
  byParam: string,
  values: unknown[],
): Promise<number> {
  const result = await client.query(
    `WITH target AS (
       SELECT a.id, a.status, a.classification, a.assignee FROM alert a
       WHERE ${where} FOR UPDATE
     ), updated AS (
       UPDATE alert SET ${sets.join(", ")}, updated_at = now()
       FROM target t WHERE alert.id = t.id
       RETURNING alert.id, t.status AS old_status, alert.status AS new_status,
         t.classification AS old_classification, alert.classification AS new_classification,
         t.assignee AS old_assignee, alert.assignee AS new_assignee
     ), history AS (
       INSERT INTO alert_change (alert_id, by, field, old_value, new_value)
       SELECT u.id, ${byParam}, v.field, v.old_value, v.new_value
       FROM updated u, LATERAL (VALUES
         ('status', u.old_status, u.new_status),
         ('classification', u.old_classification, u.new_classification),
         ('assignee', u.old_assignee, u.new_assignee)
       ) AS v(field, old_value, new_value)
       WHERE v.old_value IS DISTINCT FROM v.new_value
     )
     SELECT count(*)::int AS n FROM updated`,
    values,
  );
  return (result.rows[0] as { n: number } | undefined)?.n ?? 0;
}

export async function addComment(alertId: bigint, author: string, body: string): Promise<void> {
  const exists = await db().alert.count({ where: { id: alertId } });
  if (exists === 0) throw new AppError("not_found", "That alert does not exist.");
  await db().alertComment.create({ data: { alertId, author, body } });
}

/** The alert's comments and changes, oldest first. */
export async function alertActivity(alertId: bigint) {
  const [comments, changes] = await Promise.all([
    db().alertComment.findMany({ where: { alertId }, orderBy: { createdAt: "asc" } }),
    db().alertChange.findMany({ where: { alertId }, orderBy: { at: "asc" } }),
  ]);
  return { comments, changes };
}
