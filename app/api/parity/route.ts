import { recordAudit } from "@/lib/audit/store";
import { type ApiPrincipal, requireApiUser } from "@/lib/auth/api-guard";
import { apiActor } from "@/lib/auth/audit-actor";
import { textStream } from "@/lib/export/stream";
import { errorResponse } from "@/lib/http/error-response";
import { parityCsv, parityJson } from "@/lib/parity/format";
import { parityReportRows } from "@/lib/parity/report";
import { ParityQuery } from "@/lib/parity/schemas";

export const dynamic = "force-dynamic";

// "alerts" or "events": where the rows were read (docs/parity-report.md), as the page says.
const SOURCE_HEADER = "x-tripline-parity-source";

/** The parity report at `?at=` (default now) as JSON, or CSV with `format=csv`. Viewers up. */
export async function GET(request: Request): Promise<Response> {
  let principal: ApiPrincipal;
  try {
    principal = await requireApiUser(request, "viewer");
  } catch (error) {
    return errorResponse(error);
  }
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ParityQuery.safeParse(params);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The query string could not be read.";
    return Response.json({ error: { code: "bad_request", message } }, { status: 400 });
  }

  const at = parsed.data.at ?? new Date();
  // Known once the first chunk is read, which textStream does before the response exists.
  let source = "";
  const rows = parityReportRows(at, (read) => {
    source = read;
  });
  await recordAudit({
    action: "parity.exported",
    actor: apiActor(principal, request),
    target: at.toISOString(),
    details: { format: parsed.data.format ?? "json" },
  });
  try {
    if (parsed.data.format === "csv") {
      const body = await textStream(parityCsv(rows));
      return new Response(body, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="${fileName(at)}"`,
          [SOURCE_HEADER]: source,
        },
      });
    }
    const body = await textStream(parityJson(rows));
    return new Response(body, {
      headers: { "content-type": "application/json; charset=utf-8", [SOURCE_HEADER]: source },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/** `parity-report-20250601T120000Z.csv`: the run instant, safe in any file system. */
function fileName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(/[-:]/g, "");
  return `parity-report-${stamp}.csv`;
}
