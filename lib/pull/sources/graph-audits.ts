import { z } from "zod";
import { entraTokenSource } from "../azure-token";
import { readFrom } from "../checkpoint";
import type { PullContext } from "../pull-context";
import type { GraphSettings } from "../settings";
import { forEachPage } from "./api-pages";

const GraphPage = z.object({
  value: z.array(z.record(z.string(), z.unknown())),
  "@odata.nextLink": z.string().optional(),
});

/** Graph filters on whole seconds: 2024-03-05T00:00:00Z. */
function graphTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Entra ID audit logs from Microsoft Graph `auditLogs/directoryAudits`, every record since the
 * checkpoint (less the look-back). Each page is stored as it arrives; the checkpoint moves to the
 * run's start only after the last page is stored, so a run stopped by throttling reads the same
 * range again next time and the pages it already stored count as duplicates.
 */
export async function pullGraphAudits(context: PullContext<GraphSettings>): Promise<void> {
  const { settings } = context;
  const from = readFrom(settings, context.checkpoint);
  // The filter's spaces are the only characters escaped: the URL reads as Graph documents it.
  const filter = `activityDateTime%20ge%20${graphTime(from)}`;

  await forEachPage({
    what: "Reading Entra audit logs from Microsoft Graph",
    firstUrl: `${settings.graphBaseUrl}/v1.0/auditLogs/directoryAudits?$filter=${filter}`,
    token: entraTokenSource(settings, context.secrets, settings.graphBaseUrl, context.tuning),
    schema: GraphPage,
    nextLink: (page) => page["@odata.nextLink"],
    context: { tuning: context.tuning, signal: context.signal, ca: settings.caCertificate },
    store: async (body, page) => {
      await context.ingest.ingestBytes(
        `graph directoryAudits ${graphTime(from)} page ${page}`,
        body,
      );
    },
  });
  await context.saveCheckpoint(context.startedAt);
}
