import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { env } from "../../env";
import { logger } from "../../log";

const log = logger("parse-worker");

// Idle parsing threads kept for the next file: starting one costs a few hundred milliseconds.
const MAX_IDLE = 2;

const ENTRY_NAME = "entry.mjs";
const idle: Worker[] = [];
let entry: string | null | undefined;

/**
 * Where the worker's entry file is: next to this module when it runs from its sources (CLI,
 * tests), else under the working directory (Next's server runs bundled code from the project
 * root). Null when neither exists: files are then parsed on the calling thread.
 */
function entryFile(): string | null {
  if (entry !== undefined) return entry;
  const here = import.meta.url.startsWith("file:")
    ? path.join(
        /* turbopackIgnore: true */ path.dirname(fileURLToPath(import.meta.url)),
        ENTRY_NAME,
      )
    : null;
  const candidates = [
    here,
    path.resolve(/* turbopackIgnore: true */ "lib/ingest/worker", ENTRY_NAME),
  ];
  entry =
    candidates.find((file) => file !== null && existsSync(/* turbopackIgnore: true */ file)) ??
    null;
  if (entry === null)
    log.warn({ candidates }, "no parsing thread entry; parsing on the main thread");
  return entry;
}

/**
 * A parsing thread for one file, or null when none can run here or the setting says so.
 * Opt-in (TRIPLINE_PARSE_THREAD=worker) until an upload through the Next server that stalled
 * after its last records (e2e/ingest-history.spec.ts, "a long upload") is understood: the CLI
 * and the unit tests run it to the end.
 */
export function acquireWorker(): Worker | null {
  if (env().TRIPLINE_PARSE_THREAD === "main") return null;
  const reused = idle.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  const file = entryFile();
  if (file === null) return null;
  // The entry is loaded at run time through tsx. Turbopack takes any `new Worker(path)` for a
  // worker to bundle and fails on a path it cannot resolve (it ignores turbopackIgnore there),
  // so the constructor is called where its analysis does not look.
  const worker: Worker = Reflect.construct(Worker, [file]);
  worker.on("error", (error) => log.error({ err: error }, "parsing thread failed"));
  return worker;
}

/** Hands a worker that finished its file back; it no longer keeps the process alive. */
export function releaseWorker(worker: Worker): void {
  if (idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  idle.push(worker);
}

/** Ends a worker whose file was abandoned part-way (it may be blocked on a reply). */
export function discardWorker(worker: Worker): void {
  void worker.terminate();
}
