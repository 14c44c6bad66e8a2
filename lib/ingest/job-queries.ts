import { z } from "zod";
import { db, pool } from "../db/client";
import { markInterruptedJobs } from "./job-liveness";

export const JOBS_PER_PAGE = 50;

/** Counts of a job, or of one of its files. */
export interface IngestCounts {
  records: number;
  stored: number;
  duplicates: number;
  idConflicts: number;
  rejected: number;
  alerts: number;
  bytesRead: number;
}

export interface JobSummary extends IngestCounts {
  id: string;
  origin: string;
  status: string;
  createdBy: string | null;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  files: number;
  failedFiles: number;
}

export interface FileDetail extends IngestCounts {
  id: string;
  name: string;
  shape: string | null;
  status: string;
  notice: string | null;
  errors: { position: string; message: string }[];
  sizeBytes: number | null;
  progressAt: string | null;
  durationMs: number | null;
}

export interface JobDetail extends JobSummary {
  dateOrder: string | null;
  heartbeatAt: string | null;
  fileList: FileDetail[];
}

interface SummaryRow {
  id: string;
  origin: string;
  status: string;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  error: string | null;
  files: number;
  failed_files: number;
  records: number;
  stored: number;
  duplicates: number;
  id_conflicts: number;
  rejected: number;
  alerts: number;
  bytes_read: string;
}

const SUMMARY_SQL = `
  SELECT j.id, j.origin, j.status, j.created_by, j.created_at, j.finished_at, j.duration_ms,
         j.error,
         count(f.id)::int AS files,
         count(f.id) FILTER (WHERE f.status IN ('failed', 'interrupted'))::int AS failed_files,
         coalesce(sum(f.records), 0)::int AS records,
         coalesce(sum(f.stored), 0)::int AS stored,
         coalesce(sum(f.duplicates), 0)::int AS duplicates,
         coalesce(sum(f.id_conflicts), 0)::int AS id_conflicts,
         coalesce(sum(f.rejected), 0)::int AS rejected,
         coalesce(sum(f.alerts), 0)::int AS alerts,
         coalesce(sum(f.bytes_read), 0)::text AS bytes_read
    FROM ingest_job j LEFT JOIN ingest_file f ON f.job_id = j.id`;

/** One page of ingest jobs, newest first, with their files' totals. */
export async function listJobs(page: number): Promise<{ jobs: JobSummary[]; total: number }> {
  await markInterruptedJobs();
  const [rows, total] = await Promise.all([
    pool().query<SummaryRow>(
      `${SUMMARY_SQL} GROUP BY j.id ORDER BY j.created_at DESC, j.id LIMIT $1 OFFSET $2`,
      [JOBS_PER_PAGE, (page - 1) * JOBS_PER_PAGE],
    ),
    db().ingestJob.count(),
  ]);
  return { jobs: rows.rows.map(toSummary), total };
}

/** A job with each of its files, or null when there is none with this id. */
export async function getJob(id: string): Promise<JobDetail | null> {
  await markInterruptedJobs();
  const summary = await pool().query<SummaryRow>(`${SUMMARY_SQL} WHERE j.id = $1 GROUP BY j.id`, [
    id,
  ]);
  const row = summary.rows[0];
  if (row === undefined) return null;
  const job = await db().ingestJob.findUnique({
    where: { id },
    select: {
      dateOrder: true,
      heartbeatAt: true,
      files: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (job === null) return null;
  return {
    ...toSummary(row),
    dateOrder: job.dateOrder,
    heartbeatAt: job.heartbeatAt?.toISOString() ?? null,
    fileList: job.files.map((f) => ({
      id: f.id,
      name: f.name,
      shape: f.shape,
      status: f.status,
      notice: f.notice,
      errors: readErrors(f.errors),
      records: f.records,
      stored: f.stored,
      duplicates: f.duplicates,
      idConflicts: f.idConflicts,
      rejected: f.rejected,
      alerts: f.alerts,
      bytesRead: Number(f.bytesRead),
      sizeBytes: f.sizeBytes === null ? null : Number(f.sizeBytes),
      progressAt: f.progressAt?.toISOString() ?? null,
      durationMs: f.durationMs,
    })),
  };
}

function toSummary(row: SummaryRow): JobSummary {
  return {
    id: row.id,
    origin: row.origin,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.duration_ms,
    error: row.error,
    files: row.files,
    failedFiles: row.failed_files,
    records: row.records,
    stored: row.stored,
    duplicates: row.duplicates,
    idConflicts: row.id_conflicts,
    rejected: row.rejected,
    alerts: row.alerts,
    bytesRead: Number(row.bytes_read),
  };
}

/** The errors column as the pipeline writes it; anything else reads as no errors. */
const StoredErrors = z.array(z.object({ position: z.coerce.string(), message: z.string() }));

function readErrors(value: unknown): { position: string; message: string }[] {
  const parsed = StoredErrors.safeParse(value);
  return parsed.success ? parsed.data : [];
}
