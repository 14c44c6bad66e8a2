import { logger } from "../log";
import { saveCheckpoint } from "./checkpoint";
import { PULL_ERROR_LABELS, PullError, type PullErrorKind } from "./pull-error";
import { pullKind } from "./pull-kind";
import { RunIngest, type RunTotals } from "./run-ingest";
import { withSourceLock } from "./run-lock";
import {
  closeAbandonedRuns,
  finishRun,
  type RunStatus,
  type RunTrigger,
  startRun,
} from "./run-store";
import { pendingRequest, scheduleNext } from "./schedule-store";
import { loadRunnableSource } from "./source-store";
import { type PullTuning, tuningFromEnv } from "./tuning";

const log = logger("pull");

export interface RunOptions {
  trigger: RunTrigger;
  /** Aborted when the server shuts down: the run stops at its next wait or request. */
  signal?: AbortSignal;
  tuning?: Partial<PullTuning>;
}

export interface RunSummary {
  sourceId: string;
  runId: bigint;
  status: Exclude<RunStatus, "running">;
  totals: RunTotals;
  error: { kind: PullErrorKind; message: string } | null;
}

/**
 * One run of one source: fetch what is new since its checkpoint, store it through the ingest
 * pipeline, record the run and schedule the next. Returns null, doing nothing, when another run
 * of the source holds its lock (in this or another process).
 */
export function runSource(sourceId: string, options: RunOptions): Promise<RunSummary | null> {
  return withSourceLock(sourceId, () => runLocked(sourceId, options));
}

async function runLocked(sourceId: string, options: RunOptions): Promise<RunSummary> {
  await closeAbandonedRuns(sourceId);
  const startedAt = new Date();
  const served = await pendingRequest(sourceId);
  const trigger = options.trigger === "schedule" && served ? "manual" : options.trigger;
  const runId = await startRun(sourceId, trigger);
  const ingest = new RunIngest(runId);
  const runLog = log.child({ sourceId, runId: runId.toString() });
  runLog.info({ trigger }, "pull run started");

  let error: PullError | null = null;
  try {
    await ingest.open();
    const source = await loadRunnableSource(sourceId);
    await pullKind({
      sourceId,
      settings: source.settings,
      secrets: source.secrets,
      checkpoint: source.checkpoint,
      startedAt,
      tuning: { ...tuningFromEnv(), ...options.tuning },
      signal: options.signal ?? new AbortController().signal,
      ingest,
      saveCheckpoint: (through) => saveCheckpoint(sourceId, through),
      log: runLog,
    });
  } catch (caught) {
    error = asPullError(caught, runLog);
  }
  const status = statusOf(error, ingest.totals);
  const summaryError = error ? { kind: error.kind, message: error.message } : null;
  const jobError = error ? `${PULL_ERROR_LABELS[error.kind]}: ${error.message}` : null;
  await ingest.finish(status, jobError).catch((caught: unknown) => {
    runLog.error({ err: caught }, "pull ingest job not closed");
  });

  const finishedAt = await finishRun(runId, status, summaryError);
  await scheduleNext(sourceId, finishedAt, served);
  runLog.info({ status, errorKind: error?.kind, ...ingest.totals }, "pull run finished");
  return { sourceId, runId, status, totals: ingest.totals, error: summaryError };
}

function statusOf(error: PullError | null, totals: RunTotals): Exclude<RunStatus, "running"> {
  if (error) return error.kind === "interrupted" ? "interrupted" : "failed";
  return totals.unreadable > 0 ? "partial" : "succeeded";
}

/** Any failure as a PullError; unexpected ones keep their details in the log only. */
function asPullError(error: unknown, runLog: typeof log): PullError {
  if (error instanceof PullError) {
    runLog.warn({ kind: error.kind, reason: error.message }, "pull run stopped");
    return error;
  }
  runLog.error({ err: error }, "pull run failed unexpectedly");
  return new PullError(
    "internal",
    "The pull failed inside Tripline; the details are in the server log.",
  );
}
