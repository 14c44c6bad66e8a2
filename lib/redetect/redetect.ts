import { performance } from "node:perf_hooks";
import type pg from "pg";
import { alertVerdicts } from "../alerts/candidates";
import { releaseDetectionLock, takeDetectionLock } from "../alerts/detection-lock";
import { pool } from "../db/client";
import { RULES } from "../detection/rules";
import type { DetectionRule } from "../detection/rules/rule";
import { logger } from "../log";
import { storedEventBatches } from "./event-batches";
import { addMatches, createMatchTable, dropMatchTable } from "./match-table";
import { type MergeCounts, mergeMatches } from "./merge";
import { appliedVersions, changedRules } from "./rule-state";

const log = logger("redetect");

// Events read and evaluated per round trip: a few MB of Sentinel rows at most.
const BATCH_EVENTS = 1000;
// A progress line per this many events, for a first run over a large store.
const PROGRESS_EVERY = 100_000;

export interface RedetectOptions {
  /** The rules in force; tests pass modified ones. */
  rules?: readonly DetectionRule[];
  /** Every rule, whatever the recorded versions (`tripline detect --all`). */
  all?: boolean;
  batchSize?: number;
}

export interface RedetectSummary extends MergeCounts {
  /** The rules that were run again, with the version their alerts held before. */
  rules: { id: string; from: number | null; to: number }[];
  events: number;
}

/**
 * Runs rules again over every stored event: those whose version changed since their alerts were
 * evaluated, or all of them. Alerts that still match keep their triage state; alerts that no
 * longer match are closed as "rule changed", never deleted. No-op when every version is current.
 */
export async function redetect(options: RedetectOptions = {}): Promise<RedetectSummary> {
  const client = await pool().connect();
  try {
    await takeDetectionLock(client);
    try {
      return await redetectLocked(client, options);
    } finally {
      await releaseDetectionLock(client);
    }
  } finally {
    client.release();
  }
}

async function redetectLocked(
  client: pg.PoolClient,
  options: RedetectOptions,
): Promise<RedetectSummary> {
  const started = performance.now();
  const rules = options.rules ?? RULES;
  // Read under the lock: a second process that waited for it finds the work already done.
  const applied = await appliedVersions(client);
  const chosen = options.all ? [...rules] : changedRules(rules, applied);
  const summary: RedetectSummary = {
    rules: chosen.map((r) => ({ id: r.id, from: applied.get(r.id) ?? null, to: r.version })),
    events: 0,
    added: 0,
    updated: 0,
    reopened: 0,
    resolved: 0,
  };
  if (chosen.length === 0) return summary;

  await createMatchTable(client);
  try {
    for await (const batch of storedEventBatches(client, options.batchSize ?? BATCH_EVENTS)) {
      const verdicts = batch.flatMap(({ id, input }) =>
        alertVerdicts(id, input, chosen).map((v) => ({ ...v, eventTime: input.timeGenerated })),
      );
      await addMatches(client, verdicts);
      const before = summary.events;
      summary.events += batch.length;
      if (Math.floor(before / PROGRESS_EVERY) !== Math.floor(summary.events / PROGRESS_EVERY)) {
        log.info({ events: summary.events }, "re-evaluating stored events");
      }
    }
    Object.assign(summary, await mergeMatches(client, chosen));
  } finally {
    await dropMatchTable(client);
  }

  const durationMs = Math.round(performance.now() - started);
  log.info({ ...summary, durationMs }, "rules re-evaluated");
  return summary;
}
