import { FaultQueue } from "./faults";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./loopback";
import type { TestCertificates } from "./test-certificates";

interface TableRow {
  ingestedAt: number;
  values: Record<string, unknown>;
}

export interface FakeLogAnalytics extends LoopbackServer {
  /** Adds a row to a table, ingested at the given time. */
  addRow: (table: string, ingestedAt: Date, values: Record<string, unknown>) => void;
  faults: FaultQueue<string>;
  /** The query text of each request. */
  queries: string[];
}

const WINDOW =
  /ingestion_time\(\) > datetime\(([^)]+)\) and ingestion_time\(\) <= datetime\(([^)]+)\)/;

/**
 * The Log Analytics query API on loopback. It understands only the queries Tripline sends (a
 * table, then an ingestion-time window) and answers as the service does: tables of columns and
 * rows, dynamic values as JSON text. Over https, as the service is: the Azure SDK sends a bearer
 * token nowhere else.
 */
export async function startFakeLogAnalytics(
  certificates: TestCertificates,
  workspaceId: string,
  token: string,
): Promise<FakeLogAnalytics> {
  const tables = new Map<string, TableRow[]>();
  const faults = new FaultQueue<string>();
  const queries: string[] = [];
  const server = await startLoopbackServer(
    (req, body, res) => {
      const { query = "" } = JSON.parse(body.toString("utf8") || "{}") as { query?: string };
      queries.push(query);
      if (faults.serve(query, res)) return;
      if (req.headers.authorization !== `Bearer ${token}`) {
        sendJson(res, 401, { error: { code: "InvalidAuthenticationToken" } });
        return;
      }
      if (req.method !== "POST" || req.url !== `/v1/workspaces/${workspaceId}/query`) {
        sendJson(res, 404, { error: { code: "WorkspaceNotFoundError" } });
        return;
      }
      const table = query.split("\n")[0]?.trim() ?? "";
      const window = WINDOW.exec(query);
      if (!window) {
        sendJson(res, 400, { error: { code: "BadArgumentError" } });
        return;
      }
      const from = Date.parse(window[1] ?? "");
      const to = Date.parse(window[2] ?? "");
      const rows = (tables.get(table) ?? []).filter(
        (r) => r.ingestedAt > from && r.ingestedAt <= to,
      );
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
      sendJson(res, 200, {
        tables: [
          {
            name: "PrimaryResult",
            columns: columns.map((name) => ({ name, type: "string" })),
            rows: rows.map((r) => columns.map((c) => r.values[c] ?? null)),
          },
        ],
      });
    },
    { key: certificates.serverKey, cert: certificates.serverCert },
  );
  return {
    ...server,
    faults,
    queries,
    addRow: (table, ingestedAt, values) => {
      tables.set(table, [
        ...(tables.get(table) ?? []),
        { ingestedAt: ingestedAt.getTime(), values },
      ]);
    },
  };
}
