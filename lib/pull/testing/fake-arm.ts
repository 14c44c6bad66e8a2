import { FaultQueue } from "./faults";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./loopback";
import type { TestCertificates } from "./test-certificates";

export interface FakeArm extends LoopbackServer {
  /** Activity records in the REST shape; served by their eventTimestamp. */
  records: Record<string, unknown>[];
  faults: FaultQueue<string>;
  /** Each request's $filter, or "page <n>" for a next link. */
  requests: string[];
}

const PATH =
  /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Insights\/eventtypes\/management\/values$/;
const FILTER = /^eventTimestamp ge '([^']+)' and eventTimestamp le '([^']+)'$/;

/**
 * Resource Manager's Activity Log list API on loopback: the $filter's time range, two records per
 * page with a nextLink, the bearer token checked. Over https, as the service is: the Azure SDK
 * sends a bearer token nowhere else.
 */
export async function startFakeArm(
  certificates: TestCertificates,
  token: string,
  pageSize = 2,
): Promise<FakeArm> {
  const records: Record<string, unknown>[] = [];
  const faults = new FaultQueue<string>();
  const requests: string[] = [];
  let base = "";
  const server = await startLoopbackServer(
    (req, _body, res) => {
      const url = new URL(req.url ?? "/", base);
      const filter = url.searchParams.get("$filter") ?? "";
      const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
      requests.push(skip > 0 ? `page ${skip / pageSize + 1}` : filter);
      if (faults.serve(filter, res)) return;
      if (req.headers.authorization !== `Bearer ${token}`) {
        sendJson(res, 401, { error: { code: "InvalidAuthenticationToken" } });
        return;
      }
      const range = FILTER.exec(filter);
      if (
        !PATH.test(url.pathname) ||
        url.searchParams.get("api-version") !== "2015-04-01" ||
        !range
      ) {
        sendJson(res, 400, { error: { code: "BadRequest" } });
        return;
      }
      const from = Date.parse(range[1] ?? "");
      const to = Date.parse(range[2] ?? "");
      const matching = records.filter((r) => {
        const at = Date.parse(String(r.eventTimestamp));
        return at >= from && at <= to;
      });
      const page = matching.slice(skip, skip + pageSize);
      const next = new URL(url);
      next.searchParams.set("$skiptoken", String(skip + pageSize));
      sendJson(res, 200, {
        value: page,
        ...(skip + pageSize < matching.length ? { nextLink: next.toString() } : {}),
      });
    },
    { key: certificates.serverKey, cert: certificates.serverCert },
  );
  base = server.url;
  return { ...server, records, faults, requests };
}
