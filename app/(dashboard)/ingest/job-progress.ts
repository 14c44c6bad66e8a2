import { z } from "zod";

const Counts = {
  records: z.number(),
  stored: z.number(),
  duplicates: z.number(),
  idConflicts: z.number(),
  rejected: z.number(),
  alerts: z.number(),
  bytesRead: z.number(),
};

const FileProgress = z.object({
  id: z.string(),
  name: z.string(),
  shape: z.string().nullable(),
  status: z.string(),
  notice: z.string().nullable(),
  errors: z.array(z.object({ position: z.string(), message: z.string() })),
  sizeBytes: z.number().nullable(),
  progressAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  ...Counts,
});
export type FileProgress = z.infer<typeof FileProgress>;

/** GET /api/ingest/jobs/:id as the upload page reads it while the job runs. */
export const JobProgress = z.object({
  id: z.string(),
  status: z.string(),
  error: z.string().nullable(),
  files: z.number(),
  fileList: z.array(FileProgress),
  ...Counts,
});
export type JobProgress = z.infer<typeof JobProgress>;

/** The job's state, or null while it does not exist yet (the upload has not reached it). */
export async function fetchJobProgress(jobId: string): Promise<JobProgress | null> {
  const response = await fetch(`/api/ingest/jobs/${jobId}`, { cache: "no-store" });
  if (!response.ok) return null;
  const parsed = JobProgress.safeParse(await response.json());
  return parsed.success ? parsed.data : null;
}
