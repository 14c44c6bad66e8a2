import { releaseLapsedSuppressions } from "../allowlist/suppression";
import { db, pool } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { alertWhereSql } from "./filter-sql";
import { alertWhere } from "./filter-where";
import type { AlertFilter, AlertPage } from "./schemas";

const LIST_FIELDS = {
  id: true,
  rule: true,
  eventTime: true,
  sourceTable: true,
  operation: true,
  actor: true,
  actorType: true,
  sourceIp: true,
  account: true,
  outcome: true,
  severity: true,
  confidence: true,
  status: true,
  suppressedBy: { select: { id: true, name: true } },
} satisfies Prisma.AlertSelect;

export type AlertRow = Prisma.AlertGetPayload<{ select: typeof LIST_FIELDS }>;

function orderBy(page: AlertPage): Prisma.AlertOrderByWithRelationInput[] {
  // Severity sorts by its rank (critical first when descending), not alphabetically.
  if (page.sort === "severity") {
    const dir = page.dir === "desc" ? "asc" : "desc";
    return [{ severityRank: dir }, { eventTime: "desc" }, { id: "desc" }];
  }
  return [{ [page.sort]: page.dir }, { eventTime: "desc" }, { id: "desc" }];
}

/** One page of the alerts table with the total count for the same filters. */
export async function listAlerts(page: AlertPage): Promise<{ rows: AlertRow[]; total: number }> {
  await releaseLapsedSuppressions();
  const where = alertWhere(page);
  const [rows, total] = await Promise.all([
    db().alert.findMany({
      where,
      select: LIST_FIELDS,
      orderBy: orderBy(page),
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    }),
    db().alert.count({ where }),
  ]);
  return { rows, total };
}

const WITH_SUPPRESSOR = {
  suppressedBy: { select: { id: true, name: true } },
} satisfies Prisma.AlertInclude;
export type FullAlert = Prisma.AlertGetPayload<{ include: typeof WITH_SUPPRESSOR }>;

/** Every alert matching the filters, oldest-first in batches, for the CLI and exports. */
export async function* allAlerts(filter: AlertFilter, batchSize = 1000): AsyncGenerator<FullAlert> {
  await releaseLapsedSuppressions();
  const where = alertWhere(filter);
  let cursor: bigint | undefined;
  for (;;) {
    const batch = await db().alert.findMany({
      where: cursor === undefined ? where : { AND: [where, { id: { gt: cursor } }] },
      include: WITH_SUPPRESSOR,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    cursor = last.id;
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
    `SELECT to_char(date_trunc('day', a.event_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
            a.source_table AS source, count(*) AS count
     FROM alert a WHERE ${where.text}
     GROUP BY 1, 2 ORDER BY 1, 2`,
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
