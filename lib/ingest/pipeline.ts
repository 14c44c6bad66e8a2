import { performance } from "node:perf_hooks";
import type pg from "pg";
import { writeAlerts } from "../alerts/alert-writer";
import { detectAlerts } from "../alerts/candidates";
import { applyToAlerts } from "../allowlist/suppression";
import { pool } from "../db/client";
import { AppError } from "../errors";
import { type EventToStore, writeEvents } from "../events/event-writer";
import { logger } from "../log";
import { IngestError } from "./ingest-error";
import {
  createFile,
  createJob,
  type FileOutcome,
  finishFile,
  finishJob,
  type JobOrigin,
} from "./job-store";
import { openLogFile } from "./open-log-file";

const log = logger("ingest");

// Rows per INSERT: large enough to amortise the round trip, small enough that a batch of big
// records (a 300 KB request body is real) stays a few MB in memory.
const BATCH_EVENTS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;
// A file with thousands of bad records reports the first ones and the count, not all of them.
const MAX_ERRORS_KEPT = 100;

export interface UploadedFile {
  name: string;
  stream: AsyncIterable<Uint8Array>;
}

export interface FileResult extends FileOutcome {
  file: string;
  shapeLabel: string | null;
}

export interface JobResult {
  jobId: string;
  status: string;
  files: FileResult[];
}

/** Ingests files one after another as one job; a file that fails does not stop the others. */
export async function ingestFiles(
  files: AsyncIterable<UploadedFile> | Iterable<UploadedFile>,
  origin: JobOrigin,
): Promise<JobResult> {
  const jobId = await createJob(origin);
  const results: FileResult[] = [];
  for await (const file of files) results.push(await ingestFile(jobId, file));
  const status = await finishJob(
    jobId,
    results.map((r) => r.status),
  );
  return { jobId, status, files: results };
}

function emptyOutcome(): FileOutcome {
  return {
    shape: null,
    status: "succeeded",
    notice: null,
    records: 0,
    stored: 0,
    duplicates: 0,
    idConflicts: 0,
    rejected: 0,
    alerts: 0,
    errors: [],
    bytesRead: 0,
    durationMs: 0,
  };
}

async function* countingBytes(source: AsyncIterable<Uint8Array>, counter: { bytes: number }) {
  for await (const chunk of source) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}

/**
 * Reads, stores and detects one file inside one transaction: a file that turns out unreadable
 * part-way (a truncated gzip) stores nothing, and a crash leaves no half-written file behind.
 */
export async function ingestFile(jobId: string, file: UploadedFile): Promise<FileResult> {
  const started = performance.now();
  const fileId = await createFile(jobId, file.name);
  const counter = { bytes: 0 };
  const outcome = emptyOutcome();
  let shapeLabel: string | null = null;
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const logFile = await openLogFile(countingBytes(file.stream, counter));
    outcome.shape = logFile.shape;
    outcome.notice = logFile.notice;
    shapeLabel = logFile.shapeLabel;
    await storeRecords(client, logFile.records, fileId, outcome);
    if (outcome.records === 0 && outcome.rejected === 0 && logFile.notice) {
      outcome.status = "skipped";
    }
    finalise(outcome, counter.bytes, started);
    await finishFile(fileId, outcome, client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    failOutcome(outcome, error, file.name);
    await drain(file.stream);
    finalise(outcome, counter.bytes, started);
    await finishFile(fileId, outcome);
  } finally {
    client.release();
  }
  const { errors: _errors, ...counts } = outcome;
  log.info({ file: file.name, ...counts }, "file ingested");
  return { file: file.name, shapeLabel, ...outcome };
}

async function storeRecords(
  client: pg.PoolClient,
  records: Awaited<ReturnType<typeof openLogFile>>["records"],
  fileId: string,
  outcome: FileOutcome,
): Promise<void> {
  let batch: EventToStore[] = [];
  let batchChars = 0;
  for await (const record of records) {
    if (record.kind === "rejected") {
      outcome.rejected += 1;
      if (outcome.errors.length < MAX_ERRORS_KEPT) {
        outcome.errors.push({
          position: describePosition(record.position),
          message: record.reason,
        });
      }
      continue;
    }
    outcome.records += 1;
    batch.push({ event: record.event, raw: record.raw, contentHash: record.contentHash });
    batchChars += record.raw.length;
    if (batch.length >= BATCH_EVENTS || batchChars >= BATCH_CHARS) {
      await storeBatch(client, batch, fileId, outcome);
      batch = [];
      batchChars = 0;
    }
  }
  await storeBatch(client, batch, fileId, outcome);
}

async function storeBatch(
  client: pg.PoolClient,
  batch: EventToStore[],
  fileId: string,
  outcome: FileOutcome,
): Promise<void> {
  if (batch.length === 0) return;
  const stored = await writeEvents(client, batch, fileId);
  outcome.stored += stored.length;
  outcome.duplicates += batch.length - stored.length;
  outcome.idConflicts += stored.filter((s) => s.idConflict).length;
  const candidates = detectAlerts(
    stored.map((s) => ({ id: s.id, event: (batch[s.index] as EventToStore).event })),
  );
  const newAlertIds = await writeAlerts(client, candidates);
  await applyToAlerts(client, newAlertIds);
  outcome.alerts += newAlertIds.length;
}

/** Reads what is left of a failed file, so that the files after it in an upload still arrive. */
async function drain(stream: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    for await (const _chunk of stream) {
      // discarded
    }
  } catch {
    // the stream's own error was already reported
  }
}

function finalise(outcome: FileOutcome, bytes: number, started: number): void {
  outcome.bytesRead = bytes;
  outcome.durationMs = Math.round(performance.now() - started);
}

/** A failed file keeps its count of what was read but stores nothing. */
function failOutcome(outcome: FileOutcome, error: unknown, fileName: string): void {
  outcome.status = "failed";
  outcome.stored = 0;
  outcome.duplicates = 0;
  outcome.idConflicts = 0;
  outcome.alerts = 0;
  if (error instanceof IngestError || error instanceof AppError) {
    outcome.errors.unshift({ position: "file", message: error.message });
    return;
  }
  log.error({ err: error, file: fileName }, "file ingest failed");
  outcome.errors.unshift({
    position: "file",
    message: "The server could not store this file; nothing from it was kept. See the server log.",
  });
}

function describePosition(position: { index: number; line?: number; byteOffset?: number }): string {
  if (position.line !== undefined) return `record ${position.index} (line ${position.line})`;
  if (position.byteOffset !== undefined) {
    return `record ${position.index} (byte ${position.byteOffset})`;
  }
  return `record ${position.index}`;
}
