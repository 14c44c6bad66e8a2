import { z } from "zod";

const FileResult = z.object({
  file: z.string(),
  shape: z.string().nullish(),
  shapeLabel: z.string().nullish(),
  status: z.enum(["succeeded", "skipped", "failed"]),
  notice: z.string().nullish(),
  records: z.number(),
  stored: z.number(),
  duplicates: z.number(),
  idConflicts: z.number(),
  rejected: z.number(),
  alerts: z.number(),
  errors: z.array(z.object({ position: z.union([z.string(), z.number()]), message: z.string() })),
});
export type FileResult = z.infer<typeof FileResult>;

const UploadSuccess = z.object({ jobId: z.string(), files: z.array(FileResult) });
const UploadFailure = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export type UploadOutcome =
  | { ok: true; jobId: string; files: FileResult[] }
  | { ok: false; message: string };

/** Reads the ingest API's answer; anything unexpected becomes one sentence for the user. */
export function readUploadResponse(status: number, body: string): UploadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: unreadable(status) };
  }
  const failure = UploadFailure.safeParse(json);
  if (failure.success) return { ok: false, message: failure.data.error.message };
  const success = UploadSuccess.safeParse(json);
  if (status >= 200 && status < 300 && success.success) return { ok: true, ...success.data };
  return { ok: false, message: unreadable(status) };
}

function unreadable(status: number): string {
  if (status === 413) return "The upload is too large for the server. Send fewer or smaller files.";
  return `The server gave an answer this page cannot read (HTTP ${status}). See the server log.`;
}
