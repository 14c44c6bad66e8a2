import { LogsQueryClient, LogsQueryResultStatus } from "@azure/monitor-query-logs";
import { z } from "zod";
import { azureCall, azureClientOptions } from "../azure-call";
import { entraCredential, entraScope } from "../azure-token";
import { azureTransport } from "../azure-transport";
import { readFrom, windows } from "../checkpoint";
import type { LogAnalyticsTable } from "../kinds";
import type { PullContext } from "../pull-context";
import { PullError } from "../pull-error";
import { checkBody } from "../sdk-answer";
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
 * The AuditLogs, AzureActivity and AWSCloudTrail tables of a Log Analytics (Sentinel) workspace,
 * through the SDK's LogsQueryClient.queryWorkspace. Rows come back as columns and values; each
 * becomes an object keyed by column name, the shape of a Sentinel table export, which the ingest
 * pipeline maps like the native records.
 */
export async function pullLogAnalytics(context: PullContext<LogAnalyticsSettings>): Promise<void> {
  const { settings, tuning, signal } = context;
  const base = settings.logAnalyticsBaseUrl;
  const transport = azureTransport(base, tuning, signal, settings.caCertificate);
  // Given an endpoint, the client does not add the API version to it: it is part of the URL.
  const client = new LogsQueryClient(
    entraCredential(settings, context.secrets, context.tuning),
    azureClientOptions(`${base}/v1`, entraScope(base), transport.httpClient),
  );
  const from = readFrom(settings, context.checkpoint);

  for (const window of windows(from, context.startedAt, WINDOW_MS)) {
    for (const table of settings.tables) {
      const what = `Querying ${table} in workspace ${settings.workspaceId}`;
      const timespan = {
        startTime: new Date(window.start.getTime() - LATE_ARRIVAL_MS),
        endTime: window.end,
      };
      const result = await azureCall(what, tuning, signal, () =>
        client.queryWorkspace(
          settings.workspaceId,
          tableQuery(table, window.start, window.end),
          timespan,
        ),
      );
      // The rows are read from the answer as received: the SDK turns datetime cells into Dates
      // and parses dynamic ones, while an export (and so the raw record) holds them as text.
      // So the body is parsed twice; a 64 MB answer briefly costs twice the memory.
      const data = checkBody(QueryAnswer, transport.takeBody(), what);
      if (result.status !== LogsQueryResultStatus.Success || data.error !== undefined) {
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
