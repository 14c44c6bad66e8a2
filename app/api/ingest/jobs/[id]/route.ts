import { requireApiUser } from "@/lib/auth/api-guard";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { getJob } from "@/lib/ingest/job-queries";
import { JobId } from "@/lib/ingest/schemas";

export const dynamic = "force-dynamic";

interface JobRouteContext {
  params: Promise<{ id: string }>;
}

/** One ingest job with its files' progress and outcomes, for the upload page to poll. */
export async function GET(request: Request, { params }: JobRouteContext): Promise<Response> {
  try {
    await requireApiUser(request, "viewer");
    const id = JobId.safeParse((await params).id);
    const job = id.success ? await getJob(id.data) : null;
    if (!job) throw new AppError("not_found", "There is no ingest job with this id.");
    return Response.json(job, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
