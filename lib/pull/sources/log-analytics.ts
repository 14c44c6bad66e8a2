import { z } from "zod";
import { fetchJson } from "../api-request";
import { entraTokenSource } from "../azure-token";
import { readFrom, windows } from "../checkpoint";
import type { LogAnalyticsTable } from "../kinds";
import type { PullContext } from "../pull-context";
import { PullError } from "../pull-error";
import type { LogAnalyticsSettings } from "../settings";

const QueryAnswer = z.object({
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string().optional() })),
      rows: z.array(z.array(z.unknown())),
    }),
  ),
  // A 200 with an error is a partial result (too many rows, a timeout): never taken as complete.
  error: z.unknown().optional(),
});
type QueryAnswer = z.infer<typeof QueryAnswer>;

// Six hours per query keeps an answer well under the API's 500,000-row and 64 MB limits for a
// typical tenant; the checkpoint moves after each window.
const WINDOW_MS = 6 * 3_600_000;
// Records reach a workspace minutes to hours after they happen: windows are chosen by ingestion
// time, and the time range given to the API reaches this far back in TimeGenerated.
const LATE_ARRIVAL_MS = 2 * 86_400_000;

/**
 * The AuditLogs, AzureActivity and AWSCloudTrail tables of a Log Analytics (Sentinel) workspace.
 * Rows come back as columns and values; each becomes an object keyed by column name, the shape of
 * a Sentinel table export, which the ingest pipeline maps like the native records.
 */
export async function pullLogAnalytics(context: PullContext<LogAnalyticsSettings>): Promise<void> {
  const { settings } = context;
  const token = entraTokenSource(settings, context.secrets, settings.logAnalyticsBaseUrl);
  const url = `${settings.logAnalyticsBaseUrl}/v1/workspaces/${settings.workspaceId}/query`;
  const from = readFrom(settings, context.checkpoint);

  for (const window of windows(from, context.startedAt, WINDOW_MS)) {
    for (const table of settings.tables) {
      const what = `Querying ${table} in workspace ${settings.workspaceId}`;
      const body = JSON.stringify({
        query: tableQuery(table, window.start, window.end),
        timespan: `${new Date(window.start.getTime() - LATE_ARRIVAL_MS).toISOString()}/${window.end.toISOString()}`,
      });
      const { data } = await fetchJson(
        what,
        async () => ({
          method: "POST",
          url,
          headers: {
            authorization: `Bearer ${await token(context.signal)}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body,
        }),
        QueryAnswer,
        { tuning: context.tuning, signal: context.signal, ca: settings.caCertificate },
      );
      if (data.error !== undefined) {
        throw new PullError(
          "rejected",
          `${what} returned a partial result; nothing from it was stored. Shorten the schedule interval or check the workspace.`,
        );
      }
      const rows = rowsAsRecords(table, data);
      if (rows.length > 0) {
        await context.ingest.ingestJson(`${table} ${window.start.toISOString()}`, rows);
      }
    }
    await context.saveCheckpoint(window.end);
  }
}

/**
 * The query for one table and window. Only a table name from the closed list and two formatted
 * times go into it: nothing typed by a user reaches the query text.
 */
export function tableQuery(table: LogAnalyticsTable, start: Date, end: Date): string {
  return [
    table,
    `| where ingestion_time() > datetime(${start.toISOString()})` +
      ` and ingestion_time() <= datetime(${end.toISOString()})`,
  ].join("\n");
}

/** Rows as objects keyed by column, each naming its table (Type) as an export row does. */
export function rowsAsRecords(
  table: LogAnalyticsTable,
  answer: QueryAnswer,
): Record<string, unknown>[] {
  return answer.tables.flatMap((result) =>
    result.rows.map((row) => {
      const record: Record<string, unknown> = { Type: table };
      result.columns.forEach((column, index) => {
        record[column.name] = row[index] ?? null;
      });
      return record;
    }),
  );
}
