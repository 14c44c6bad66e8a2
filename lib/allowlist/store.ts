import { db } from "../db/client";
import { AppError } from "../errors";
import { logger } from "../log";
import { globToRegex } from "./glob";
import type { AllowlistEntryInput } from "./schemas";
import { reevaluateAllAlerts } from "./suppression";

const log = logger("allowlist");

export async function listAllowlistEntries() {
  const entries = await db().allowlistEntry.findMany({ orderBy: { createdAt: "desc" } });
  const counts = await db().alert.groupBy({
    by: ["suppressedById"],
    where: { suppressedById: { not: null } },
    _count: { _all: true },
  });
  const byEntry = new Map(counts.map((c) => [c.suppressedById, c._count._all]));
  return entries.map((entry) => ({
    ...entry,
    suppressing: byEntry.get(entry.id) ?? 0,
    lapsed: entry.expiresAt.getTime() <= Date.now(),
  }));
}

export type AllowlistEntryView = Awaited<ReturnType<typeof listAllowlistEntries>>[number];

/** Creates an entry and suppresses the existing alerts it matches. */
export async function createAllowlistEntry(input: AllowlistEntryInput) {
  const entry = await db().allowlistEntry.create({
    data: { ...input, actorRegex: globToRegex(input.actorPattern) },
  });
  const changed = await reevaluateAllAlerts();
  log.info({ entryId: entry.id, changed }, "allowlist entry created");
  return entry;
}

/** Deletes an entry; the alerts it suppressed are re-evaluated and come back unless another holds. */
export async function deleteAllowlistEntry(id: string): Promise<void> {
  const deleted = await db().allowlistEntry.deleteMany({ where: { id } });
  if (deleted.count === 0)
    throw new AppError("not_found", "That allowlist entry no longer exists.");
  const changed = await reevaluateAllAlerts();
  log.info({ entryId: id, changed }, "allowlist entry deleted");
}
