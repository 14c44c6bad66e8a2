import { db } from "../db/client";
import type { AllowlistEntry, Prisma } from "../db/generated/client";
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

export async function getAllowlistEntry(id: string): Promise<AllowlistEntry | null> {
  return db().allowlistEntry.findUnique({ where: { id } });
}

function columns(input: AllowlistEntryInput) {
  return {
    ...input,
    actorRegex: globToRegex(input.actorPattern),
    userAgentRegex: input.userAgentPattern ? globToRegex(input.userAgentPattern) : null,
  };
}

/** What the history keeps of an entry: its settings, not its bookkeeping. */
function snapshot(entry: AllowlistEntry): Prisma.InputJsonValue {
  const { actorRegex: _a, userAgentRegex: _u, lastMatchedAt: _l, updatedAt: _t, ...kept } = entry;
  return JSON.parse(JSON.stringify(kept));
}

type Action = "created" | "updated" | "enabled" | "disabled" | "deleted";

/**
 * Runs one change to the allowlist in a transaction with its history row and the re-evaluation
 * of every alert both ways, so the alerts shown always agree with the entries.
 */
async function change(
  by: string,
  action: Action,
  write: (tx: Prisma.TransactionClient) => Promise<[AllowlistEntry | null, AllowlistEntry | null]>,
): Promise<AllowlistEntry | null> {
  const [before, after] = await db().$transaction(async (tx) => {
    const pair = await write(tx);
    const entryId = pair[1]?.id ?? pair[0]?.id;
    if (!entryId) throw new AppError("not_found", "That allowlist entry no longer exists.");
    await tx.allowlistChange.create({
      data: {
        entryId,
        by,
        action,
        before: pair[0] ? snapshot(pair[0]) : undefined,
        after: pair[1] ? snapshot(pair[1]) : undefined,
      },
    });
    return pair;
  });
  const changed = await reevaluateAllAlerts();
  log.info({ entryId: (after ?? before)?.id, action, by, changed }, "allowlist changed");
  return after;
}

async function existing(tx: Prisma.TransactionClient, id: string): Promise<AllowlistEntry> {
  const entry = await tx.allowlistEntry.findUnique({ where: { id } });
  if (!entry) throw new AppError("not_found", "That allowlist entry no longer exists.");
  return entry;
}

/** Creates an entry and suppresses the existing alerts it matches. */
export async function createAllowlistEntry(
  input: AllowlistEntryInput,
  by: string,
): Promise<AllowlistEntry> {
  const entry = await change(by, "created", async (tx) => [
    null,
    await tx.allowlistEntry.create({ data: { ...columns(input), createdBy: by } }),
  ]);
  return entry as AllowlistEntry;
}

export async function updateAllowlistEntry(
  id: string,
  input: AllowlistEntryInput,
  by: string,
): Promise<AllowlistEntry> {
  const entry = await change(by, "updated", async (tx) => [
    await existing(tx, id),
    await tx.allowlistEntry.update({ where: { id }, data: columns(input) }),
  ]);
  return entry as AllowlistEntry;
}

export async function setAllowlistEntryEnabled(
  id: string,
  enabled: boolean,
  by: string,
): Promise<void> {
  await change(by, enabled ? "enabled" : "disabled", async (tx) => [
    await existing(tx, id),
    await tx.allowlistEntry.update({ where: { id }, data: { enabled } }),
  ]);
}

/** Deletes an entry; the alerts it suppressed come back unless another entry holds them. */
export async function deleteAllowlistEntry(id: string, by: string): Promise<void> {
  await change(by, "deleted", async (tx) => {
    const before = await existing(tx, id);
    await tx.allowlistEntry.delete({ where: { id } });
    return [before, null];
  });
}

/** The recorded changes, newest first: of one entry, or of all entries. */
export async function allowlistHistory(entryId?: string, take = 200) {
  return db().allowlistChange.findMany({
    where: entryId ? { entryId } : undefined,
    orderBy: { at: "desc" },
    take,
  });
}
