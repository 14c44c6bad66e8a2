import { z } from "zod";
import { exportAlerts } from "@/lib/alerts/export";
import { AlertFilter } from "@/lib/alerts/schemas";
import { recordAudit } from "@/lib/audit/store";
import { requireApiUser } from "@/lib/auth/api-guard";
import { apiActor } from "@/lib/auth/audit-actor";
import { AppError } from "@/lib/errors";
import { textStream } from "@/lib/export/stream";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

const ExportQuery = AlertFilter.extend({ format: z.enum(["csv", "json"]).default("csv") });

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/** Exactly the alerts matching the table's filters, as CSV or JSON, streamed. Viewers up. */
export async function GET(request: Request): Promise<Response> {
  try {
    const principal = await requireApiUser(request, "viewer");
    const params = new URL(request.url).searchParams;
    const flat = Object.fromEntries([...params].filter(([, value]) => value !== ""));
    const parsed = ExportQuery.safeParse(flat);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".") || "query";
      const message = (issue?.message ?? "could not be read").replace(/\.?$/, ".");
      throw new AppError("bad_request", `${where}: ${message}`);
    }
    const { format, ...filter } = parsed.data;

    const body = await textStream(exportAlerts(filter, format));
    await recordAudit({
      action: "alerts.exported",
      actor: apiActor(principal, request),
      target: (params.toString() || "all alerts").slice(0, 1000),
      details: { format },
    });
    const stamp = new Date()
      .toISOString()
      .replace(/\.\d+Z$/, "Z")
      .replaceAll(/[-:]/g, "");
    return new Response(body, {
      headers: {
        "content-type": CONTENT_TYPES[format],
        "content-disposition": `attachment; filename="alerts-${stamp}.${format}"`,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
