import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { logger } from "../log";
import type { AuditAction, AuditVia } from "./actions";

const log = logger("audit");

export interface AuditActor {
  id?: string | null;
  email?: string | null;
  via: AuditVia;
  ip?: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  actor: AuditActor;
  /** What was acted on, in words an admin reads: an email, an entry name, a token name. */
  target?: string | null;
  /** Ids, names and counts only: never a password, a token or a hash. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * Writes one audit record. Auditing must not undo the action it records, so a failure to
 * write is logged and swallowed; the action has already happened.
 */
export async function recordAudit(record: AuditRecord): Promise<void> {
  const { action, actor, target, details } = record;
  try {
    await db().auditEvent.create({
      data: {
        action,
        actorId: actor.id ?? null,
        actorEmail: actor.email ?? null,
        via: actor.via,
        ip: actor.ip ?? null,
        target: target ?? null,
        details: (details ?? {}) as Prisma.InputJsonObject,
      },
    });
  } catch (error) {
    log.error({ err: error, action }, "audit record not written");
  }
}

export interface AuditQuery {
  action?: AuditAction;
  page: number;
  pageSize: number;
}

/** One page of the audit log, newest first, with the total for the filter. */
export async function listAuditEvents(query: AuditQuery) {
  const where = query.action ? { action: query.action } : {};
  const [rows, total] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    db().auditEvent.count({ where }),
  ]);
  return { rows, total };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>["rows"][number];
