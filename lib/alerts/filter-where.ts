import type { Prisma } from "../db/generated/client";
import { type AlertFilter, TIME_RANGES } from "./schemas";

/** Translates the table's filters into one Prisma where clause. */
export function alertWhere(filter: AlertFilter, now = new Date()): Prisma.AlertWhereInput {
  const hours = TIME_RANGES[filter.range];
  const eventTime: Prisma.DateTimeFilter = {};
  if (hours !== null) eventTime.gt = new Date(now.getTime() - hours * 3_600_000);
  if (filter.from) eventTime.gte = filter.from;
  if (filter.to) eventTime.lte = filter.to;

  const where: Prisma.AlertWhereInput = {
    sourceTable: filter.source,
    operation: filter.operation ? { contains: filter.operation, mode: "insensitive" } : undefined,
    actor: filter.actor ? { contains: filter.actor, mode: "insensitive" } : undefined,
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
    const contains = { contains: filter.q, mode: "insensitive" as const };
    where.OR = [
      { operation: contains },
      { actor: contains },
      { account: contains },
      { explanation: contains },
    ];
  }
  return where;
}
