import { alertJson } from "@/lib/alerts/alert-json";
import { listAlerts } from "@/lib/alerts/queries";
import { parseAlertPageStrict } from "@/lib/alerts/schemas";
import { recordAudit } from "@/lib/audit/store";
import { requireApiUser } from "@/lib/auth/api-guard";
import { apiActor } from "@/lib/auth/audit-actor";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/**
 * One page of alerts as JSON, with the alerts page's filters and defaults (`range=24h`,
 * `suppression=active`; `range=all` for every age). Any role, by API token or session. `next` and
 * `previous` are cursors for `after=` / `before=`; `totalEstimated` marks an estimated `total`.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const principal = await requireApiUser(request, "viewer");
    const url = new URL(request.url);
    const page = parseAlertPageStrict(Object.fromEntries(url.searchParams));
    const { rows, total, totalEstimated, next, previous } = await listAlerts(page);
    await recordAudit({
      action: "alerts.exported",
      actor: apiActor(principal, request),
      target: `${url.pathname}${url.search}`.slice(0, 500),
      details: { returned: rows.length, total },
    });
    return Response.json({
      page: page.page,
      pageSize: page.pageSize,
      total,
      totalEstimated,
      next,
      previous,
      alerts: rows.map(alertJson),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
