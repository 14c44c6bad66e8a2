import { logger } from "../log";
import { sleep } from "./retry";
import { runSource } from "./run-source";
import { dueSources } from "./schedule-store";

const log = logger("pull-scheduler");

// How soon a due source or a "Run now" is noticed; each tick is one indexed query.
const TICK_MS = 2_000;
// Runs at once per process. Each holds a lock connection and, while storing, a transaction;
// two keep a 2-core server responsive while its pages are parsed.
const MAX_PARALLEL = 2;

/**
 * The pull loop of one server process: every tick, start the due sources this process has room
 * for. Several processes may run it against one database; a source's lock lets one of them run it.
 * Returns after `signal` aborts and the runs under way have stopped.
 */
export async function runScheduler(signal: AbortSignal): Promise<void> {
  const running = new Map<string, Promise<void>>();
  log.info({ tickMs: TICK_MS, maxParallel: MAX_PARALLEL }, "pull scheduler started");
  while (!signal.aborted) {
    try {
      await startDue(running, signal);
    } catch (error) {
      log.error({ err: error }, "pull scheduler tick failed");
    }
    await sleep(TICK_MS, signal).catch(() => undefined);
  }
  await Promise.allSettled(running.values());
  log.info({}, "pull scheduler stopped");
}

async function startDue(running: Map<string, Promise<void>>, signal: AbortSignal): Promise<void> {
  if (running.size >= MAX_PARALLEL) return;
  const due = await dueSources(MAX_PARALLEL + running.size);
  for (const source of due) {
    if (running.size >= MAX_PARALLEL) return;
    if (running.has(source.id)) continue;
    const trigger = source.requested ? "manual" : "schedule";
    const run = runSource(source.id, { trigger, signal })
      .then(() => undefined)
      .catch((error: unknown) => log.error({ err: error, sourceId: source.id }, "pull run failed"))
      .finally(() => running.delete(source.id));
    running.set(source.id, run);
  }
}
