import type pg from "pg";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type JobOrigin = "upload" | "cli";

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

export async function createJob(origin: JobOrigin): Promise<string> {
  const job = await db().ingestJob.create({ data: { origin, status: "running" } });
  return job.id;
}

export async function createFile(jobId: string, name: string): Promise<string> {
  const file = await db().ingestFile.create({ data: { jobId, name, status: "running" } });
  return file.id;
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
         bytes_read = $12, duration_ms = $13
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
    },
  });
}

export async function finishJob(jobId: string, fileStatuses: readonly string[]): Promise<string> {
  const failed = fileStatuses.filter((s) => s === "failed").length;
  const status = failed === 0 ? "succeeded" : failed === fileStatuses.length ? "failed" : "partial";
  await db().ingestJob.update({ where: { id: jobId }, data: { status, finishedAt: new Date() } });
  return status;
}
