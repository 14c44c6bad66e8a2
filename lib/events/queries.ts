import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export interface EventPivot {
  /** Every event of this actor … */
  actor?: string;
  /** … or from this source IP address. */
  sourceIp?: string;
  around: Date;
  /** Minutes either side of `around`. */
  windowMinutes: number;
  page: number;
  pageSize: number;
}

const PIVOT_FIELDS = {
  id: true,
  eventTime: true,
  sourceTable: true,
  operation: true,
  actor: true,
  actorType: true,
  sourceIp: true,
  sourceHost: true,
  account: true,
  outcome: true,
  userAgent: true,
} satisfies Prisma.EventSelect;

export type PivotEvent = Prisma.EventGetPayload<{ select: typeof PIVOT_FIELDS }>;

/** The events around an alert's time that share its actor or its source IP, newest first. */
export async function pivotEvents(
  pivot: EventPivot,
): Promise<{ rows: PivotEvent[]; total: number }> {
  const span = pivot.windowMinutes * 60_000;
  const where: Prisma.EventWhereInput = {
    eventTime: {
      gte: new Date(pivot.around.getTime() - span),
      lte: new Date(pivot.around.getTime() + span),
    },
    actor: pivot.actor,
    sourceIp: pivot.sourceIp,
  };
  const [rows, total] = await Promise.all([
    db().event.findMany({
      where,
      select: PIVOT_FIELDS,
      orderBy: [{ eventTime: "desc" }, { id: "desc" }],
      skip: (pivot.page - 1) * pivot.pageSize,
      take: pivot.pageSize,
    }),
    db().event.count({ where }),
  ]);
  return { rows, total };
}
