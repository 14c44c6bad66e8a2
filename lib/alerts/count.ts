import { pool } from "../db/client";
import type { SqlWhere } from "./filter-sql";

/**
 * Up to this many matches the count is exact; beyond, the planner's estimate is shown. The
 * estimate can be far off after a large ingest (until autovacuum analyses the table), while
 * counting 100,000 index entries stays within the page's time budget (docs/query-plans.md).
 */
export const EXACT_COUNT_LIMIT = 100_000;
/**
 * The same for a text filter (contains, free text): its matches are tested row by row, and
 * 100,000 of them take about 100 ms on the bench data set, twice the page's budget.
 */
export const EXACT_TEXT_COUNT_LIMIT = 10_000;

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
 * How many alerts match, at a cost bounded by EXACT_COUNT_LIMIT rows (EXACT_TEXT_COUNT_LIMIT
 * with a text filter): counting every match of a broad filter would read most of the table on
 * each page view. `knownEstimate` is the planner's estimate when the caller already asked it.
 */
export async function countAlerts(where: SqlWhere, knownEstimate?: number): Promise<AlertCount> {
  const limit = where.textSearch === true ? EXACT_TEXT_COUNT_LIMIT : EXACT_COUNT_LIMIT;
  const capped = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM alert a WHERE ${where.text}
     LIMIT ${limit + 1}) capped`,
    where.values,
  );
  const exact = capped.rows[0]?.n ?? 0;
  if (exact <= limit) return { count: exact, estimated: false };

  const estimate = knownEstimate ?? (await estimateAlerts(where));
  // The planner can guess low for text filters; the capped count is a floor we know.
  return { count: Math.max(estimate, limit + 1), estimated: true };
}
