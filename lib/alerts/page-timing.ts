import { pool } from "../db/client";
import { alertWhereSql } from "./filter-sql";
import { alertCursorAt, listAlerts } from "./queries";
import type { AlertPage } from "./schemas";

export interface AlertPageTiming {
  /** Page number the timed page has in the view (1 for the first). */
  page: number;
  total: number;
  totalEstimated: boolean;
  p50: number;
  p95: number;
  /** Every timed run, in milliseconds, in the order run. */
  timesMs: number[];
}

export interface TimingOptions {
  /** Rows before the timed page: 0 for the first page, "last" for the view's last page. */
  offset?: number | "last";
  runs?: number;
  warmUps?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function exactCount(view: AlertPage): Promise<number> {
  const where = alertWhereSql(view);
  const result = await pool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM alert a WHERE ${where.text}`,
    where.values,
  );
  return result.rows[0]?.n ?? 0;
}

/**
 * Times the alerts page query (`listAlerts`: the rows and the count) as the page runs it, on the
 * first page or on a deep one opened by its keyset cursor, for `npm run bench`. Finding the
 * deep page's cursor is not timed.
 */
export async function timeAlertsPage(
  view: AlertPage,
  { offset = 0, runs = 25, warmUps = 3 }: TimingOptions = {},
): Promise<AlertPageTiming> {
  const start =
    offset === "last"
      ? Math.floor(Math.max(0, (await exactCount(view)) - 1) / view.pageSize) * view.pageSize
      : offset;
  const after = start > 0 ? ((await alertCursorAt(view, start)) ?? undefined) : undefined;
  const request: AlertPage = { ...view, page: 1, after, before: undefined };

  const timesMs: number[] = [];
  let last = await listAlerts(request);
  for (let i = 0; i < warmUps + runs; i++) {
    const started = performance.now();
    last = await listAlerts(request);
    if (i >= warmUps) timesMs.push(performance.now() - started);
  }
  const sorted = [...timesMs].sort((a, b) => a - b);
  return {
    page: Math.floor(start / view.pageSize) + 1,
    total: last.total,
    totalEstimated: last.totalEstimated,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    timesMs,
  };
}
