import { db } from "../db/client";
import type { PullErrorKind } from "./pull-error";
import type { RunTotals } from "./run-ingest";

export type RunTrigger = "schedule" | "manual" | "cli";
export type RunStatus = "running" | "succeeded" | "partial" | "failed" | "interrupted";

export async function startRun(sourceId: string, trigger: RunTrigger): Promise<bigint> {
  const run = await db().pullRun.create({ data: { sourceId, trigger, status: "running" } });
  return run.id;
}

/** The ingest job that holds the run's files, made when the run starts. */
export async function recordRunJob(runId: bigint, ingestJobId: string): Promise<void> {
  await db().pullRun.update({ where: { id: runId }, data: { ingestJobId } });
}

/** Counts so far, written after each file so the sources page shows a long run's progress. */
export async function recordProgress(
  runId: bigint,
  totals: RunTotals,
  ingestJobId: string,
): Promise<void> {
  const { unreadable: _unreadable, ...counts } = totals;
  await db().pullRun.update({ where: { id: runId }, data: { ...counts, ingestJobId } });
}

export async function finishRun(
  runId: bigint,
  status: Exclude<RunStatus, "running">,
  error: { kind: PullErrorKind; message: string } | null,
): Promise<Date> {
  const finishedAt = new Date();
  await db().pullRun.update({
    where: { id: runId },
    data: { status, finishedAt, errorKind: error?.kind ?? null, error: error?.message ?? null },
  });
  return finishedAt;
}

/**
 * Runs of the source still marked running while the caller holds its lock belonged to a process
 * that died: they are marked interrupted (their checkpoint never moved, so nothing is lost).
 */
export async function closeAbandonedRuns(sourceId: string): Promise<void> {
  await db().pullRun.updateMany({
    where: { sourceId, status: "running" },
    data: {
      status: "interrupted",
      finishedAt: new Date(),
      errorKind: "interrupted",
      error: "The process running this pull stopped; the next run resumed from the checkpoint.",
    },
  });
}

export async function listRuns(sourceId: string, take = 50) {
  return db().pullRun.findMany({
    where: { sourceId },
    orderBy: { startedAt: "desc" },
    take,
  });
}

export type PullRunRow = Awaited<ReturnType<typeof listRuns>>[number];
