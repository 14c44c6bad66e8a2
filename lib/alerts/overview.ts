import { pool } from "../db/client";
import { alertWhereSql } from "./filter-sql";
import type { AlertFilter } from "./schemas";

export interface Overview {
  byDay: { day: string; rule: string; severity: string; count: number }[];
  topOperations: { key: string; count: number }[];
  topActors: { key: string; count: number }[];
  suppression: { open: number; suppressed: number };
}

const TOP = 10;

/** The overview page's figures, each one aggregate query over the same filters. */
export async function alertOverview(filter: AlertFilter): Promise<Overview> {
  // Suppressed versus open is part of the overview, so it ignores the suppression filter.
  const where = alertWhereSql({ ...filter, suppression: "all" });
  const run = <T extends object>(sql: string) =>
    pool()
      .query<T>(sql, where.values)
      .then((r) => r.rows);

  const [byDay, topOperations, topActors, suppression] = await Promise.all([
    run<Overview["byDay"][number]>(
      // Days are formatted after grouping: to_char on every row cost ten times the grouping.
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.rule, d.severity, d.count
       FROM (SELECT date_trunc('day', a.event_time AT TIME ZONE 'UTC') AS day, a.rule,
                    a.severity, count(*)::int AS count
             FROM alert a WHERE ${where.text} GROUP BY 1, 2, 3) d
       ORDER BY 1, 2, 3`,
    ),
    run<{ key: string; count: number }>(
      `SELECT a.operation AS key, count(*)::int AS count FROM alert a WHERE ${where.text}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
    ),
    run<{ key: string; count: number }>(
      `SELECT a.actor AS key, count(*)::int AS count FROM alert a WHERE ${where.text}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
    ),
    run<{ open: number; suppressed: number }>(
      `SELECT count(*) FILTER (WHERE a.suppressed_by_id IS NULL AND a.status = 'open')::int AS open,
              count(*) FILTER (WHERE a.suppressed_by_id IS NOT NULL)::int AS suppressed
       FROM alert a WHERE ${where.text}`,
    ),
  ]);
  return {
    byDay,
    topOperations,
    topActors,
    suppression: suppression[0] ?? { open: 0, suppressed: 0 },
  };
}
