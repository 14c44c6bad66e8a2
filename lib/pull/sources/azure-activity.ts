import { MonitorClient } from "@azure/arm-monitor";
import { z } from "zod";
import { azureCall, azureClientOptions } from "../azure-call";
import { entraCredential, entraScope } from "../azure-token";
import { azureTransport } from "../azure-transport";
import { readFrom, windows } from "../checkpoint";
import type { PullContext } from "../pull-context";
import { PullError } from "../pull-error";
import { checkBody } from "../sdk-answer";
import type { ActivitySettings } from "../settings";

const ActivityPage = z.object({
  value: z.array(z.record(z.string(), z.unknown())),
  nextLink: z.string().nullish(),
});

// The Activity Log keeps 90 days; asking for more is refused, so older starts are clamped.
const RETENTION_MS = 89 * 86_400_000;
// One day per query: the checkpoint moves after each, so a long back-fill resumes part-way.
const WINDOW_MS = 86_400_000;

/**
 * The Azure Activity Log of one subscription through Resource Manager (the SDK's
 * activityLogs.list), one day at a time.
 */
export async function pullAzureActivity(context: PullContext<ActivitySettings>): Promise<void> {
  const { settings, tuning, signal } = context;
  const earliest = new Date(context.startedAt.getTime() - RETENTION_MS);
  const from = readFrom(settings, context.checkpoint);
  if (from < earliest) {
    context.log.warn({ from, earliest }, "activity log start is past its retention: clamped");
  }
  const transport = azureTransport(settings.armBaseUrl, tuning, signal, settings.caCertificate);
  const client = new MonitorClient(
    entraCredential(settings, context.secrets, tuning),
    settings.subscriptionId,
    azureClientOptions(settings.armBaseUrl, entraScope(settings.armBaseUrl), transport.httpClient),
  );

  const start = from < earliest ? earliest : from;
  for (const window of windows(start, context.startedAt, WINDOW_MS)) {
    const filter =
      `eventTimestamp ge '${window.start.toISOString()}' and ` +
      `eventTimestamp le '${window.end.toISOString()}'`;
    const pages = (link: string | undefined) =>
      client.activityLogs.list(filter).byPage({ continuationToken: link });
    await readPages(context, pages, transport.takeBody, window.start);
    await context.saveCheckpoint(window.end);
  }
}

/**
 * One window's pages, each asked for on its own from the previous page's next link: a throttled
 * page is asked for again from the same link, and each page is stored before the next is read.
 */
async function readPages(
  context: PullContext<ActivitySettings>,
  pages: (link: string | undefined) => AsyncIterator<unknown>,
  takeBody: () => Buffer,
  windowStart: Date,
): Promise<void> {
  const { settings, tuning, signal } = context;
  const what = `Reading the Activity Log of subscription ${settings.subscriptionId}`;
  const origin = new URL(settings.armBaseUrl).origin;
  const seen = new Set<string>();
  let link: string | undefined;
  let pageNumber = 1;
  do {
    const pageWhat = `${what} (page ${pageNumber})`;
    await azureCall(pageWhat, tuning, signal, () => pages(link).next());
    const body = takeBody();
    const page = checkBody(ActivityPage, body, pageWhat);
    if (page.value.length > 0) {
      const name = `activity ${settings.subscriptionId} ${windowStart.toISOString()} page ${pageNumber}`;
      await context.ingest.ingestBytes(name, body);
    }
    link = page.nextLink ?? undefined;
    if (link && (!sameOrigin(link, origin) || seen.has(link))) {
      throw new PullError(
        "invalid_response",
        `${what}: the service sent a next link that leaves ${origin} or repeats a page; the run stopped there.`,
      );
    }
    if (link) seen.add(link);
    pageNumber += 1;
  } while (link);
}

function sameOrigin(link: string, origin: string): boolean {
  return URL.canParse(link) && new URL(link).origin === origin;
}
