import { releaseLapsedSuppressions } from "../allowlist/suppression";
import { db, pool } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { countAlerts, estimateAlerts } from "./count";
import { decodeCursor, encodeCursor } from "./cursor";
import { alertWhereSql } from "./filter-sql";
import { pageQuery, type Seek } from "./keyset";
import type { AlertFilter, AlertPage } from "./schemas";

export interface AlertRow {
  id: bigint;
  rule: string;
  eventTime: Date;
  sourceTable: string;
  operation: string;
  actor: string;
  actorType: string;
  sourceIp: string | null;
  account: string;
  outcome: string;
  severity: string;
  severityRank: number;
  confidence: string;
  status: string;
  suppressedBy: { id: string; name: string } | null;
}

interface PageRow {
  id: string;
  rule: string;
  event_time: Date;
  source_table: string;
  operation: string;
  actor: string;
  actor_type: string;
  source_ip: string | null;
  account: string;
  outcome: string;
  severity: string;
  severity_rank: number;
  confidence: string;
  status: string;
  suppressed_by_id: string | null;
  suppressed_by_name: string | null;
  /** Present when the page was cut from all the filter's matches (`matchFirst`). */
  matched_total?: number;
}

function toAlertRow(row: PageRow): AlertRow {
  return {
    id: BigInt(row.id),
    rule: row.rule,
    eventTime: row.event_time,
    sourceTable: row.source_table,
    operation: row.operation,
    actor: row.actor,
    actorType: row.actor_type,
    sourceIp: row.source_ip,
    account: row.account,
    outcome: row.outcome,
    severity: row.severity,
    severityRank: row.severity_rank,
    confidence: row.confidence,
    status: row.status,
    suppressedBy:
      row.suppressed_by_id && row.suppressed_by_name !== null
        ? { id: row.suppressed_by_id, name: row.suppressed_by_name }
        : null,
  };
}

// Planner estimates of text matches run low (two to ten times here); past this the matches are
// many and spread, and walking the sort index finds a page sooner than collecting them all.
const MATCH_FIRST = 5_000;

export interface AlertList {
  rows: AlertRow[];
  total: number;
  /** `total` is the planner's estimate (more than EXACT_COUNT_LIMIT matches). */
  totalEstimated: boolean;
  /** Cursors for the neighbouring pages, null at either end. */
  next: string | null;
  previous: string | null;
}

function cursorOf(row: AlertRow, page: AlertPage): string {
  const values = {
    eventTime: "",
    severity: row.severityRank,
    sourceTable: row.sourceTable,
    operation: row.operation,
    actor: row.actor,
    status: row.status,
  } as const;
  const value = values[page.sort];
  return encodeCursor({
    sort: page.sort,
    dir: page.dir,
    value,
    eventTime: row.eventTime,
    id: row.id,
  });
}

function seekOf(page: AlertPage): Seek {
  const expected = { sort: page.sort, dir: page.dir };
  if (page.after) return { cursor: decodeCursor(page.after, expected), toward: "after" };
  if (page.before) return { cursor: decodeCursor(page.before, expected), toward: "before" };
  return { offset: (page.page - 1) * page.pageSize };
}

/**
 * One page of the alerts table and the count for the same filters. `page.after` / `page.before`
 * (cursors from a previous answer) seek by keyset; without them `page.page` is an offset, cheap
 * for the first pages only. A damaged cursor is an AppError "bad_request".
 */
export async function listAlerts(page: AlertPage): Promise<AlertList> {
  const seek = seekOf(page);
  await releaseLapsedSuppressions();
  const where = alertWhereSql(page);
  // By time, matches are spread and the planner's own choice is good; by a column, a text
  // filter's matches tend to sit together in that column's order.
  const estimate =
    where.textSearch === true && page.sort !== "eventTime"
      ? await estimateAlerts(where)
      : undefined;
  const matchFirst = estimate !== undefined && estimate <= MATCH_FIRST;
  const query = pageQuery(where, page, seek, page.pageSize + 1, matchFirst);
  const [result, count] = await Promise.all([
    pool().query<PageRow>(query.text, query.values),
    matchFirst ? null : countAlerts(where, estimate),
  ]);
  const matched = result.rows[0]?.matched_total;
  const { count: total, estimated } =
    count ??
    (matched === undefined ? await countAlerts(where) : { count: matched, estimated: false });

  const more = result.rows.length > page.pageSize;
  const fetched = result.rows.slice(0, page.pageSize).map(toAlertRow);
  const backward = "cursor" in seek && seek.toward === "before";
  const rows = backward ? fetched.reverse() : fetched;
  const hasNext = backward || more;
  const hasPrevious = backward ? more : "cursor" in seek || page.page > 1;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    total,
    totalEstimated: estimated,
    next: hasNext && last ? cursorOf(last, page) : null,
    previous: hasPrevious && first ? cursorOf(first, page) : null,
  };
}

/**
 * A cursor that opens the page starting after `offset` rows of this view: for benchmarks and
 * tests that need a deep page without walking to it. Null when the view is shorter.
 */
export async function alertCursorAt(page: AlertPage, offset: number): Promise<string | null> {
  const where = alertWhereSql(page);
  const query = pageQuery(where, page, { offset: Math.max(0, offset - 1) }, 1);
  const result = await pool().query<PageRow>(query.text, query.values);
  const row = result.rows[0];
  return row ? cursorOf(toAlertRow(row), page) : null;
}

const WITH_SUPPRESSOR = {
  suppressedBy: { select: { id: true, name: true } },
} satisfies Prisma.AlertInclude;
export type FullAlert = Prisma.AlertGetPayload<{ include: typeof WITH_SUPPRESSOR }>;

/** Every alert matching the filters, oldest-first in batches, for the CLI and exports. */
export async function* allAlerts(filter: AlertFilter, batchSize = 1000): AsyncGenerator<FullAlert> {
  await releaseLapsedSuppressions();
  const where = alertWhereSql(filter);
  const after = `$${where.values.length + 1}`;
  const limit = `$${where.values.length + 2}`;
  let cursor = 0n;
  for (;;) {
    const ids = await pool().query<{ id: string }>(
      `SELECT a.id FROM alert a WHERE ${where.text} AND a.id > ${after}
       ORDER BY a.id LIMIT ${limit}`,
      [...where.values, cursor.toString(), batchSize],
    );
    if (ids.rows.length === 0) return;
    const batch = await db().alert.findMany({
      where: { id: { in: ids.rows.map((row) => BigInt(row.id)) } },
      include: WITH_SUPPRESSOR,
      orderBy: { id: "asc" },
    });
    yield* batch;
    const last = ids.rows.at(-1);
    if (!last || ids.rows.length < batchSize) return;
    cursor = BigInt(last.id);
  }
}

/** An alert with its event (normalised fields and raw record). */
export async function getAlert(id: bigint) {
  await releaseLapsedSuppressions();
  return db().alert.findUnique({
    where: { id },
    include: {
      event: true,
      suppressedBy: { select: { id: true, name: true, reason: true, expiresAt: true } },
    },
  });
}

export type AlertDetail = NonNullable<Awaited<ReturnType<typeof getAlert>>>;

/** Alerts per day and source table for the chart above the table, same filters. */
export async function alertsOverTime(
  filter: AlertFilter,
): Promise<{ day: string; source: string; count: number }[]> {
  const where = alertWhereSql(filter);
  const result = await pool().query<{ day: string; source: string; count: string }>(
    // Days are formatted after grouping: to_char on every row cost ten times the grouping.
    `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.source, d.count
     FROM (SELECT date_trunc('day', a.event_time AT TIME ZONE 'UTC') AS day,
                  a.source_table AS source, count(*) AS count
           FROM alert a WHERE ${where.text} GROUP BY 1, 2) d
     ORDER BY 1, 2`,
    where.values,
  );
  return result.rows.map((row) => ({ day: row.day, source: row.source, count: Number(row.count) }));
}

/** The id of a rule's alert for a group key ("event:<id>" or an operation key), if raised. */
export async function alertIdByKey(rule: string, groupKey: string): Promise<bigint | null> {
  const found = await db().alert.findUnique({
    where: { rule_groupKey: { rule, groupKey } },
    select: { id: true },
  });
  return found?.id ?? null;
}
