import type { Prisma } from "../db/generated/client";
import { type AlertFilter, TIME_RANGES } from "./schemas";

/**
 * Prisma hands `contains` to PostgreSQL's ILIKE without escaping its wildcards, so a `%` or `_`
 * typed in a filter would match anything. Escaped here, they match themselves.
 */
function containing(text: string) {
  return { contains: text.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" as const };
}

/** Translates the table's filters into one Prisma where clause. */
export function alertWhere(filter: AlertFilter, now = new Date()): Prisma.AlertWhereInput {
  const hours = TIME_RANGES[filter.range];
  const eventTime: Prisma.DateTimeFilter = {};
  if (hours !== null) eventTime.gt = new Date(now.getTime() - hours * 3_600_000);
  if (filter.from) eventTime.gte = filter.from;
  if (filter.to) eventTime.lte = filter.to;

  const where: Prisma.AlertWhereInput = {
    sourceTable: filter.source,
    operation: filter.operation ? containing(filter.operation) : undefined,
    actor: filter.actor ? containing(filter.actor) : undefined,
    account: filter.account,
    status: filter.status,
    rule: filter.rule,
    severity: filter.severity,
    confidence: filter.confidence,
  };
  if (Object.keys(eventTime).length > 0) where.eventTime = eventTime;
  if (filter.operationIs !== undefined) where.AND = [{ operation: filter.operationIs }];
  if (filter.actorIs !== undefined) {
    where.AND = [...((where.AND as Prisma.AlertWhereInput[]) ?? []), { actor: filter.actorIs }];
  }
  if (filter.suppression === "active") where.suppressedById = null;
  if (filter.suppression === "suppressed") where.suppressedById = { not: null };
  if (filter.q) {
    const contains = containing(filter.q);
    where.OR = [
      { operation: contains },
      { actor: contains },
      { account: contains },
      { explanation: contains },
    ];
  }
  return where;
}
