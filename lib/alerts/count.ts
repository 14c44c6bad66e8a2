import { pool } from "../db/client";
import type { SqlWhere } from "./filter-sql";

/** Up to this many matches the count is exact; beyond, the planner's estimate is shown. */
export const EXACT_COUNT_LIMIT = 10_000;

export interface AlertCount {
  count: number;
  /** True when `count` is the planner's estimate, shown as "about N". */
  estimated: boolean;
}

function planRows(plan: unknown): number {
  const rows = (plan as [{ Plan?: { "Plan Rows"?: unknown } }] | undefined)?.[0]?.Plan?.[
    "Plan Rows"
  ];
  return typeof rows === "number" && Number.isFinite(rows) ? rows : 0;
}

/** The planner's estimate of the alerts matching `where`, from EXPLAIN: no row is read. */
export async function estimateAlerts(where: SqlWhere): Promise<number> {
  const plan = await pool().query<{ "QUERY PLAN": unknown }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM alert a WHERE ${where.text}`,
    where.values,
  );
  return Math.round(planRows(plan.rows[0]?.["QUERY PLAN"]));
}

/**
 * How many alerts match, at a cost bounded by EXACT_COUNT_LIMIT rows: counting every match of a
 * broad filter would read most of the table on each page view.
 */
export async function countAlerts(where: SqlWhere): Promise<AlertCount> {
  const capped = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM alert a WHERE ${where.text}
     LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
    where.values,
  );
  const exact = capped.rows[0]?.n ?? 0;
  if (exact <= EXACT_COUNT_LIMIT) return { count: exact, estimated: false };

  const estimate = await estimateAlerts(where);
  // The planner can guess low for text filters; the capped count is a floor we know.
  return { count: Math.max(estimate, EXACT_COUNT_LIMIT + 1), estimated: true };
}
