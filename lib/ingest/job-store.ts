import { hostname } from "node:os";
import type pg from "pg";
import { db, pool } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import type { DateOrder } from "../normalize/locale-date";

export type JobOrigin = "upload" | "cli" | "pull";

/** How far a file has been read: events and rejected records so far, and bytes. */
export interface Progress {
  records: number;
  rejected: number;
  bytes: number;
}

export interface FileOutcome {
  shape: string | null;
  status: "succeeded" | "skipped" | "failed";
  notice: string | null;
  records: number;
  stored: number;
  duplicates: number;
  idConflicts: number;
  rejected: number;
  alerts: number;
  errors: { position: string; message: string }[];
  bytesRead: number;
  durationMs: number;
}

export interface JobDetails {
  /** Chosen by the client that follows the job (the upload page); generated otherwise. */
  id?: string;
  /** Who started the job (authentication fills it); null when unknown. */
  createdBy?: string | null;
  dateOrder?: DateOrder | null;
}

/** Creates a running job owned by this process, whose heartbeat starts now. */
export async function createJob(origin: JobOrigin, job: JobDetails = {}): Promise<string> {
  if (job.id !== undefined && (await jobExists(job.id))) {
    throw new AppError("conflict", "An ingest job with this id exists already; upload again.");
  }
  const created = await db().ingestJob.create({
    data: {
      ...(job.id === undefined ? {} : { id: job.id }),
      origin,
      status: "running",
      createdBy: job.createdBy ?? null,
      dateOrder: job.dateOrder ?? null,
      ownerHost: hostname(),
      ownerPid: process.pid,
      heartbeatAt: new Date(),
    },
  });
  return created.id;
}

export async function jobExists(id: string): Promise<boolean> {
  return (await db().ingestJob.count({ where: { id } })) > 0;
}

export async function createFile(
  jobId: string,
  name: string,
  sizeBytes: number | null,
): Promise<string> {
  const file = await db().ingestFile.create({
    data: {
      jobId,
      // Names come from uploads and archives; PostgreSQL text cannot hold U+0000.
      name: name.replaceAll("\u0000", "\ufffd"),
      status: "running",
      sizeBytes: sizeBytes === null ? null : BigInt(sizeBytes),
    },
  });
  return file.id;
}

/**
 * Records how far a file has been read. Runs on its own pooled connection, outside the file's
 * transaction, so a page can show it while the transaction is still open.
 */
export async function writeFileProgress(fileId: string, progress: Progress): Promise<void> {
  await pool().query(
    `UPDATE ingest_file SET records = $2, rejected = $3, bytes_read = $4, progress_at = now()
     WHERE id = $1 AND status = 'running'`,
    [fileId, progress.records, progress.rejected, progress.bytes],
  );
}

/** Renews the job's lease: proof that its process is alive. */
export async function touchJob(jobId: string): Promise<void> {
  await pool().query("UPDATE ingest_job SET heartbeat_at = now() WHERE id = $1", [jobId]);
}

/**
 * Records a file's outcome. Given the file's transaction it commits with the data, so counts
 * and stored events can never disagree.
 */
export async function finishFile(
  fileId: string,
  outcome: FileOutcome,
  client?: Pick<pg.PoolClient, "query">,
): Promise<void> {
  if (client) {
    await client.query(
      `UPDATE ingest_file SET shape = $2, status = $3, notice = $4, records = $5, stored = $6,
         duplicates = $7, id_conflicts = $8, rejected = $9, alerts = $10, errors = $11::jsonb,
         bytes_read = $12, duration_ms = $13, progress_at = now()
       WHERE id = $1`,
      [
        fileId,
        outcome.shape,
        outcome.status,
        outcome.notice,
        outcome.records,
        outcome.stored,
        outcome.duplicates,
        outcome.idConflicts,
        outcome.rejected,
        outcome.alerts,
        JSON.stringify(outcome.errors),
        outcome.bytesRead,
        outcome.durationMs,
      ],
    );
    return;
  }
  await db().ingestFile.update({
    where: { id: fileId },
    data: {
      ...outcome,
      errors: outcome.errors as Prisma.InputJsonValue,
      bytesRead: BigInt(outcome.bytesRead),
      progressAt: new Date(),
    },
  });
}

/**
 * Closes a job: succeeded when no file failed, failed when all did (or none arrived before the
 * upload broke off), partial otherwise.
 */
export async function finishJob(
  jobId: string,
  fileStatuses: readonly string[],
  {
    durationMs = null,
    error = null,
    status: given,
  }: {
    durationMs?: number | null;
    error?: string | null;
    /** The outcome when the caller judges it (a pull run), instead of one read from the files. */
    status?: "succeeded" | "partial" | "failed" | "interrupted";
  } = {},
): Promise<string> {
  const failed = fileStatuses.filter((s) => s === "failed").length;
  const status =
    given ??
    (error === null && failed === 0
      ? "succeeded"
      : failed === fileStatuses.length
        ? "failed"
        : "partial");
  await db().ingestJob.update({
    where: { id: jobId },
    data: { status, finishedAt: new Date(), durationMs, error },
  });
  return status;
}
