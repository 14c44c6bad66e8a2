import { z } from "zod";
import { entraTokenSource } from "../azure-token";
import { readFrom, windows } from "../checkpoint";
import type { PullContext } from "../pull-context";
import type { ActivitySettings } from "../settings";
import { forEachPage } from "./api-pages";

const ActivityPage = z.object({
  value: z.array(z.record(z.string(), z.unknown())),
  nextLink: z.string().nullish(),
});

// The Activity Log keeps 90 days; asking for more is refused, so older starts are clamped.
const RETENTION_MS = 89 * 86_400_000;
// One day per query: the checkpoint moves after each, so a long back-fill resumes part-way.
const WINDOW_MS = 86_400_000;

/** The Azure Activity Log of one subscription through Resource Manager, one day at a time. */
export async function pullAzureActivity(context: PullContext<ActivitySettings>): Promise<void> {
  const { settings } = context;
  const earliest = new Date(context.startedAt.getTime() - RETENTION_MS);
  const from = readFrom(settings, context.checkpoint);
  if (from < earliest) {
    context.log.warn({ from, earliest }, "activity log start is past its retention: clamped");
  }
  const token = entraTokenSource(settings, context.secrets, settings.armBaseUrl);
  const base =
    `${settings.armBaseUrl}/subscriptions/${settings.subscriptionId}` +
    "/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01";

  const start = from < earliest ? earliest : from;
  for (const window of windows(start, context.startedAt, WINDOW_MS)) {
    const filter =
      `eventTimestamp ge '${window.start.toISOString()}' and ` +
      `eventTimestamp le '${window.end.toISOString()}'`;
    await forEachPage({
      what: `Reading the Activity Log of subscription ${settings.subscriptionId}`,
      firstUrl: `${base}&$filter=${encodeURIComponent(filter)}`,
      token,
      schema: ActivityPage,
      nextLink: (page) => page.nextLink,
      context: { tuning: context.tuning, signal: context.signal, ca: settings.caCertificate },
      store: async (body, page) => {
        const name = `activity ${settings.subscriptionId} ${window.start.toISOString()} page ${page}`;
        await context.ingest.ingestBytes(name, body);
      },
    });
    await context.saveCheckpoint(window.end);
  }
}
