import { pool } from "../db/client";
import { alertWhereSql } from "./filter-sql";
import type { AlertFilter } from "./schemas";

export const GROUP_FIELDS = { actor: "actor", operation: "operation", account: "account" } as const;
export type GroupField = keyof typeof GROUP_FIELDS;

export interface AlertGroup {
  key: string;
  count: number;
  open: number;
  latest: Date;
}

// A table grouped by actor shows the biggest groups first; beyond this the user filters.
const MAX_GROUPS = 200;

/** Alerts matching the filter, counted per actor, operation or account. */
export async function groupAlerts(filter: AlertFilter, by: GroupField): Promise<AlertGroup[]> {
  const where = alertWhereSql(filter);
  // The column name comes from the closed GROUP_FIELDS map, never from the request.
  const column = GROUP_FIELDS[by];
  const result = await pool().query<{ key: string; count: number; open: number; latest: Date }>(
    `SELECT a.${column} AS key, count(*)::int AS count,
            count(*) FILTER (WHERE a.status = 'open')::int AS open, max(a.event_time) AS latest
     FROM alert a WHERE ${where.text}
     GROUP BY a.${column} ORDER BY count(*) DESC, a.${column} LIMIT ${MAX_GROUPS}`,
    where.values,
  );
  return result.rows;
}
