import { performance } from "node:perf_hooks";
import { pool } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { maintainAfterJob } from "../events/partitions";
import { logger } from "../log";
import type { DateOrder } from "../normalize/locale-date";
import { countBytes, type Expanded, expandUpload, type LogSource } from "./archive/expand";
import { IngestError } from "./ingest-error";
import { JobMonitor } from "./job-monitor";
import {
  createFile,
  createJob,
  type FileOutcome,
  finishFile,
  finishJob,
  type JobOrigin,
} from "./job-store";
import { storeRecords } from "./store-records";
import type { UploadedFile } from "./uploaded-file";
import { openLogFileInWorker } from "./worker/open-in-worker";

export type { UploadedFile } from "./uploaded-file";

const log = logger("ingest");

export interface IngestOptions {
  /** The job's id, chosen by the upload page so that it can follow the job while it runs. */
  jobId?: string;
  /** Who started the job, once authentication says so. */
  createdBy?: string | null;
  /** Day/month order of locale dates in CSV exports, for files whose rows cannot tell. */
  dateOrder?: DateOrder | null;
  /** Largest file (or archive member), judged on uncompressed bytes. */
  maxFileBytes?: number;
}

interface Settings {
  maxFileBytes: number;
  dateOrder: DateOrder | null;
}

export interface FileResult extends FileOutcome {
  file: string;
  shapeLabel: string | null;
  /** The file failed for the server's sake (the database), not its content: worth reading again. */
  serverFault?: true;
}

export interface JobResult {
  jobId: string;
  status: string;
  files: FileResult[];
}

/**
 * An upload that broke off (too many files, a cut-off body, no files at all) after its job was
 * created: `cause` says why, `result` what was stored before it, so the answer can say both.
 */
export class JobBrokeOff extends Error {
  readonly result: JobResult;

  constructor(cause: unknown, message: string, result: JobResult) {
    super(message, { cause });
    this.name = "JobBrokeOff";
    this.result = result;
  }
}

/**
 * Ingests files one after another as one job; archives are unpacked into one result per
 * member, and a file that fails does not stop the others. If the upload itself breaks off,
 * the job is closed with the error and `JobBrokeOff` is thrown with what was stored.
 */
export async function ingestFiles(
  files: AsyncIterable<UploadedFile> | Iterable<UploadedFile>,
  origin: JobOrigin,
  options: IngestOptions = {},
): Promise<JobResult> {
  const started = performance.now();
  const settings = settingsOf(options);
  const jobId = await createJob(origin, {
    id: options.jobId,
    createdBy: options.createdBy ?? null,
    dateOrder: settings.dateOrder,
  });
  const monitor = new JobMonitor(jobId);
  monitor.start();
  const results: FileResult[] = [];
  let failure: unknown = null;
  try {
    for await (const upload of files) {
      for await (const item of expandUpload(upload, settings)) {
        results.push(await ingestItem(jobId, item, settings, monitor));
      }
    }
  } catch (error) {
    failure = error;
  } finally {
    await monitor.stop();
  }

  const durationMs = Math.round(performance.now() - started);
  const statuses = results.map((r) => r.status);
  const error = failure === null ? null : userMessage(failure, "upload", UPLOAD_FAILED);
  const status = await finishJob(jobId, statuses, { durationMs, error });
  log.info({ job: jobId, status, files: results.length, durationMs }, "ingest job finished");
  await maintainAfterJob(jobId);
  if (error !== null) throw new JobBrokeOff(failure, error, { jobId, status, files: results });
  return { jobId, status, files: results };
}

/**
 * Ingests one file into a job the caller created and will finish (a pull run adds its pages
 * one by one). The file is not unpacked as an archive; gzip is removed as always.
 */
export async function ingestFile(
  jobId: string,
  file: UploadedFile,
  options: IngestOptions = {},
): Promise<FileResult> {
  const monitor = new JobMonitor(jobId);
  monitor.start();
  try {
    const counter = { bytes: 0 };
    const bytes = countBytes(file.stream, counter);
    const sizeBytes = file.size ?? null;
    const source = { name: file.name, bytes, gzipLayers: 0, packed: false, sizeBytes, counter };
    return await readAndStore(jobId, source, settingsOf(options), monitor);
  } finally {
    await monitor.stop();
  }
}

function settingsOf(options: IngestOptions): Settings {
  return {
    maxFileBytes: options.maxFileBytes ?? env().TRIPLINE_MAX_FILE_BYTES,
    dateOrder: options.dateOrder ?? null,
  };
}

function ingestItem(
  jobId: string,
  item: Expanded,
  settings: Settings,
  monitor: JobMonitor,
): Promise<FileResult> {
  if (item.kind === "file") return readAndStore(jobId, item.source, settings, monitor);
  return recordUnreadable(jobId, item.name, item.error, item.counter.bytes);
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

/**
 * Reads, stores and detects one file inside one transaction: a file that turns out unreadable
 * part-way (a truncated gzip) stores nothing, and a crash leaves no half-written file behind.
 * Progress goes out on other connections while the transaction is open.
 */
async function readAndStore(
  jobId: string,
  source: LogSource,
  settings: Settings,
  monitor: JobMonitor,
): Promise<FileResult> {
  const started = performance.now();
  const fileId = await createFile(jobId, source.name, source.sizeBytes);
  const outcome = emptyOutcome();
  let shapeLabel: string | null = null;
  let serverFault = false;
  monitor.watch(fileId, () => ({
    records: outcome.records,
    rejected: outcome.rejected,
    bytes: source.counter.bytes,
  }));
  const client = await pool().connect();
  try {
    await client.query("BEGIN");
    const logFile = await openLogFileInWorker(source.bytes, {
      maxFileBytes: settings.maxFileBytes,
      dateOrder: settings.dateOrder,
      gzipLayers: source.gzipLayers,
      packed: source.packed,
    });
    outcome.shape = logFile.shape;
    outcome.notice = logFile.notice;
    shapeLabel = logFile.shapeLabel;
    await storeRecords(client, logFile.records, fileId, outcome);
    if (outcome.records === 0 && outcome.rejected === 0 && logFile.notice) {
      outcome.status = "skipped";
    }
    finalise(outcome, source.counter.bytes, started);
    await monitor.unwatch();
    await finishFile(fileId, outcome, client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    await monitor.unwatch();
    failOutcome(outcome, error, source.name);
    serverFault = !(error instanceof IngestError);
    await release(source.bytes);
    finalise(outcome, source.counter.bytes, started);
    await finishFile(fileId, outcome);
  } finally {
    client.release();
  }
  const { errors: _errors, ...counts } = outcome;
  log.info({ file: source.name, ...counts }, "file ingested");
  return { file: source.name, shapeLabel, ...outcome, ...(serverFault ? { serverFault } : {}) };
}

/** A file (or archive) that could not even be opened: one failed result, nothing stored. */
async function recordUnreadable(
  jobId: string,
  name: string,
  error: unknown,
  bytesRead: number,
): Promise<FileResult> {
  const fileId = await createFile(jobId, name, null);
  const outcome = emptyOutcome();
  failOutcome(outcome, error, name);
  outcome.bytesRead = bytesRead;
  await finishFile(fileId, outcome);
  return { file: name, shapeLabel: null, ...outcome };
}

/** Lets the source release its stream when the reader gave up before starting it. */
async function release(bytes: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    await bytes[Symbol.asyncIterator]().return?.();
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
  outcome.errors.unshift({ position: "file", message: userMessage(error, fileName, FILE_FAILED) });
}

const FILE_FAILED =
  "The server could not store this file; nothing from it was kept. See the server log.";
const UPLOAD_FAILED = "The upload stopped on a server error. See the server log.";

// PostgreSQL ends one of two transactions that wait on each other (40P01): two files storing
// some of the same events, or alerts of the same operations, in opposite orders at one moment.
const DEADLOCK = "40P01";
const DEADLOCK_MESSAGE =
  "Another upload was storing some of the same events at the same moment, and the database " +
  "stopped this file so that the other could finish; nothing from it was kept. Send it again.";

/** The sentence a user sees for a failure; anything unexpected is logged, not shown. */
function userMessage(error: unknown, what: string, fallback: string): string {
  if (error instanceof IngestError || error instanceof AppError) return error.message;
  if ((error as { code?: unknown } | null)?.code === DEADLOCK) {
    log.warn({ file: what, code: DEADLOCK }, "file stopped by a deadlock");
    return DEADLOCK_MESSAGE;
  }
  log.error({ err: error, file: what }, "ingest failed");
  return fallback;
}
