import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { Prisma, type PullSource } from "../db/generated/client";
import { AppError } from "../errors";
import { type Checkpoint, readCheckpoint } from "./checkpoint";
import type { SourceKind } from "./kinds";
import { PullError } from "./pull-error";
import { withSourceLock } from "./run-lock";
import { canSealSecrets, MISSING_KEY_MESSAGE, open, seal } from "./secret-box";
import {
  requiredSecrets,
  type SourceSettings as Settings,
  SourceSecrets,
  SourceSettings,
} from "./settings";
import { changedSettings, requireSecretsForDestination, SECRET_NAMES } from "./source-changes";

/** A source as an admin enters it: secrets only where typed (empty keeps the stored ones). */
export interface SourceDraft {
  name: string;
  intervalMinutes: number;
  enabled: boolean;
  settings: Settings;
  secrets: SourceSecrets;
}

/** What the dashboard may see of a source: never a secret, only which ones are stored. */
export interface SourceView {
  id: string;
  name: string;
  kind: SourceKind;
  enabled: boolean;
  intervalMinutes: number;
  settings: Settings | null;
  storedSecrets: (keyof SourceSecrets)[];
  checkpoint: Checkpoint | null;
  nextRunAt: Date;
  runRequestedAt: Date | null;
}

const NOT_FOUND = "That source no longer exists.";

export async function createSource(draft: SourceDraft, by: string): Promise<string> {
  const id = randomUUID();
  await refuseTakenName(draft.name, id);
  const sealedSecrets = sealFor(id, draft.settings, {}, draft.secrets);
  await db().pullSource.create({
    data: {
      id,
      name: draft.name,
      kind: draft.settings.kind,
      enabled: draft.enabled,
      intervalMinutes: draft.intervalMinutes,
      settings: draft.settings as Prisma.InputJsonObject,
      sealedSecrets,
      nextRunAt: new Date(),
      createdBy: by,
    },
  });
  return id;
}

/**
 * Saves an edited source and returns the names of what changed (never a secret's value).
 * Secrets left empty keep their stored value unless a setting that decides where they are sent
 * changed; a new start time resets the checkpoint and the record of processed objects, so the
 * source reads again from there.
 */
export async function updateSource(id: string, draft: SourceDraft): Promise<string[]> {
  const current = await db().pullSource.findUnique({ where: { id } });
  if (!current) throw new AppError("not_found", NOT_FOUND);
  if (current.kind !== draft.settings.kind) {
    throw new AppError("bad_request", "A source's kind cannot change: add a new source instead.");
  }
  await refuseTakenName(draft.name, id);
  const previous = SourceSettings.safeParse(current.settings);
  const changed = changedSettings(previous.success ? previous.data : null, draft.settings);
  requireSecretsForDestination(changed, draft.settings, draft.secrets);
  const sealedSecrets = sealFor(
    id,
    draft.settings,
    keptSecrets(id, current.sealedSecrets),
    draft.secrets,
  );
  const restart = !previous.success || previous.data.startFrom !== draft.settings.startFrom;

  await db().$transaction(async (tx) => {
    await tx.pullSource.update({
      where: { id },
      data: {
        name: draft.name,
        enabled: draft.enabled,
        intervalMinutes: draft.intervalMinutes,
        settings: draft.settings as Prisma.InputJsonObject,
        sealedSecrets,
        ...(restart ? { checkpoint: Prisma.DbNull } : {}),
      },
    });
    if (restart) await tx.pullObject.deleteMany({ where: { sourceId: id } });
  });
  const general = [
    ...(current.name !== draft.name ? ["name"] : []),
    ...(current.intervalMinutes !== draft.intervalMinutes ? ["intervalMinutes"] : []),
    ...(current.enabled !== draft.enabled ? ["enabled"] : []),
  ];
  return [...general, ...changed];
}

/**
 * Names tell sources apart on the page, in the run history and in the audit log: one per source,
 * whatever the case. Checked before writing; two admins saving the same new name in the same
 * instant could still both pass (no unique index yet).
 */
async function refuseTakenName(name: string, id: string): Promise<void> {
  const taken = await db().pullSource.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, NOT: { id } },
    select: { id: true },
  });
  if (taken) {
    throw new AppError("conflict", `A source named “${name}” already exists: choose another name.`);
  }
}

/**
 * The secrets to store: the stored ones merged with those typed now, reduced to what the kind
 * needs, sealed to this row. Refuses when a needed secret is missing or no key is configured.
 */
function sealFor(
  id: string,
  settings: Settings,
  stored: SourceSecrets,
  typed: SourceSecrets,
): string | null {
  const needed = requiredSecrets(settings);
  if (needed.length === 0) return null;
  if (!canSealSecrets()) throw new AppError("bad_request", MISSING_KEY_MESSAGE);
  const merged: SourceSecrets = {};
  for (const field of needed) {
    const value = typed[field] || stored[field];
    if (!value) {
      throw new AppError("bad_request", `Enter the ${SECRET_NAMES[field]}: this source needs it.`);
    }
    merged[field] = value;
  }
  return seal(JSON.stringify(merged), id);
}

/**
 * The stored secrets an edit may keep; none when they no longer open (the key changed), so the
 * admin is asked to enter them again instead of being refused.
 */
function keptSecrets(id: string, sealed: string | null): SourceSecrets {
  if (!sealed) return {};
  try {
    return openSecrets(id, sealed);
  } catch {
    return {};
  }
}

function openSecrets(id: string, sealed: string): SourceSecrets {
  const parsed = SourceSecrets.safeParse(JSON.parse(open(sealed, id)));
  if (!parsed.success) {
    throw new PullError("configuration", "The stored secrets are unreadable: enter them again.");
  }
  return parsed.data;
}

export async function setSourceEnabled(id: string, enabled: boolean): Promise<void> {
  const updated = await db().pullSource.updateMany({ where: { id }, data: { enabled } });
  if (updated.count === 0) throw new AppError("not_found", NOT_FOUND);
}

/**
 * Deletes the source with its run history and processed-object records; events stay. Refused
 * while a run holds the source's lock (in any process): the run would go on writing to rows
 * that are gone and leave its ingest job running.
 */
export async function deleteSource(id: string): Promise<void> {
  const deleted = await withSourceLock(id, () => db().pullSource.deleteMany({ where: { id } }));
  if (deleted === null) {
    throw new AppError(
      "conflict",
      "The source is running now: wait for the run to finish, then delete it.",
    );
  }
  if (deleted.count === 0) throw new AppError("not_found", NOT_FOUND);
}

/** Asks the scheduler to run the source at its next tick, paused or not. */
export async function requestRun(id: string): Promise<void> {
  const updated = await db().pullSource.updateMany({
    where: { id },
    data: { runRequestedAt: new Date() },
  });
  if (updated.count === 0) throw new AppError("not_found", NOT_FOUND);
}

export async function getSource(id: string): Promise<SourceView | null> {
  const row = await db().pullSource.findUnique({ where: { id } });
  return row ? toView(row) : null;
}

function toView(row: PullSource): SourceView {
  const settings = SourceSettings.safeParse(row.settings);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as SourceKind,
    enabled: row.enabled,
    intervalMinutes: row.intervalMinutes,
    settings: settings.success ? settings.data : null,
    storedSecrets: settings.success && row.sealedSecrets ? requiredSecrets(settings.data) : [],
    checkpoint: readCheckpoint(row.checkpoint),
    nextRunAt: row.nextRunAt,
    runRequestedAt: row.runRequestedAt,
  };
}

/** Every source with its latest run, for the sources page. */
export async function listSources() {
  const rows = await db().pullSource.findMany({
    orderBy: { createdAt: "asc" },
    include: { runs: { orderBy: { startedAt: "desc" }, take: 1 } },
  });
  return rows.map((row) => ({ ...toView(row), lastRun: row.runs[0] ?? null }));
}

export type SourceListItem = Awaited<ReturnType<typeof listSources>>[number];

/** A source as a run needs it: settings validated, secrets opened. */
export interface RunnableSource {
  id: string;
  name: string;
  settings: Settings;
  secrets: SourceSecrets;
  checkpoint: Checkpoint | null;
  intervalMinutes: number;
  runRequestedAt: Date | null;
}

export async function loadRunnableSource(id: string): Promise<RunnableSource> {
  const row = await db().pullSource.findUnique({ where: { id } });
  if (!row) throw new PullError("configuration", NOT_FOUND);
  const settings = SourceSettings.safeParse(row.settings);
  if (!settings.success) {
    throw new PullError("configuration", "The source's settings are invalid: edit and save it.");
  }
  return {
    id: row.id,
    name: row.name,
    settings: settings.data,
    secrets: row.sealedSecrets ? openSecrets(id, row.sealedSecrets) : {},
    checkpoint: readCheckpoint(row.checkpoint),
    intervalMinutes: row.intervalMinutes,
    runRequestedAt: row.runRequestedAt,
  };
}
