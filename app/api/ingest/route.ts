import { env } from "@/lib/env";
import { publicError } from "@/lib/errors";
import { multipartFiles } from "@/lib/ingest/multipart";
import { ingestFiles } from "@/lib/ingest/pipeline";

export const dynamic = "force-dynamic";

/** Upload one or more log files (multipart field `files`); answers each file's outcome. */
export async function POST(request: Request): Promise<Response> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.startsWith("multipart/form-data")) {
    return Response.json(
      { error: { code: "bad_request", message: "Send the files as multipart/form-data." } },
      { status: 400 },
    );
  }
  try {
    const config = env();
    const files = multipartFiles(request.body, contentType, {
      maxFiles: config.TRIPLINE_MAX_UPLOAD_FILES,
      maxFileBytes: config.TRIPLINE_MAX_FILE_BYTES,
    });
    const result = await ingestFiles(files, "upload");
    return Response.json(result);
  } catch (error) {
    const { code, message, status } = publicError(error);
    return Response.json({ error: { code, message } }, { status });
  }
}
