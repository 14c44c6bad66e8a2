import { requireApiUser } from "@/lib/auth/api-guard";
import { env } from "@/lib/env";
import { publicError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { multipartFiles } from "@/lib/ingest/multipart";
import { ingestFiles, JobBrokeOff } from "@/lib/ingest/pipeline";
import { UploadQuery } from "@/lib/ingest/schemas";

export const dynamic = "force-dynamic";

/**
 * Upload one or more log files (multipart field `files`); answers each file's outcome. An upload
 * refused part-way (too many files, a cut-off body) answers its error with `jobId`, `status` and
 * the `files` stored before it. The query
 * may name the job's id (`job`, a UUID the page then follows) and `dateOrder` (dmy | mdy). Analysts
 * and admins, by session cookie (same origin only) or API token.
 */
export async function POST(request: Request): Promise<Response> {
  let uploader: string;
  try {
    uploader = (await requireApiUser(request, "analyst")).user.email;
  } catch (error) {
    return errorResponse(error);
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.startsWith("multipart/form-data")) {
    return Response.json(
      { error: { code: "bad_request", message: "Send the files as multipart/form-data." } },
      { status: 400 },
    );
  }
  const query = UploadQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json(
      {
        error: {
          code: "bad_request",
          message: "Give `job` as a UUID and `dateOrder` as dmy or mdy.",
        },
      },
      { status: 400 },
    );
  }
  try {
    const config = env();
    const limits = { maxFiles: config.TRIPLINE_MAX_UPLOAD_FILES };
    const files = multipartFiles(request.body, contentType, limits, request.signal);
    const result = await ingestFiles(files, "upload", {
      jobId: query.data.job,
      createdBy: uploader,
      dateOrder: query.data.dateOrder ?? null,
      maxFileBytes: config.TRIPLINE_MAX_FILE_BYTES,
    });
    return Response.json(result);
  } catch (error) {
    // A refused or broken-off upload may still have stored files: the answer lists them.
    const broke = error instanceof JobBrokeOff;
    const { code, message, status } = publicError(broke ? error.cause : error);
    const stored = broke ? error.result : {};
    return Response.json({ error: { code, message }, ...stored }, { status });
  }
}
