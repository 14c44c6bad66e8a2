import { LookupEventsCommand } from "@aws-sdk/client-cloudtrail";
import { z } from "zod";
import { awsCall } from "../aws-call";
import { awsCredentials, cloudTrailClient } from "../aws-clients";
import { readFrom, windows } from "../checkpoint";
import type { PullContext } from "../pull-context";
import { paced } from "../rate-gate";
import { checkAnswer } from "../sdk-answer";
import type { LookupSettings } from "../settings";

// LookupEvents allows 2 requests per second per account per region.
const LOOKUP_INTERVAL_MS = 500;
const PAGE_SIZE = 50;
// Event history keeps 90 days; older starts are clamped.
const RETENTION_MS = 89 * 86_400_000;
const WINDOW_MS = 86_400_000;

const LookupPage = z.object({
  Events: z.array(z.object({ CloudTrailEvent: z.string() }).loose()).default([]),
  NextToken: z.string().optional(),
});

/**
 * CloudTrail event history (LookupEvents) of one account and region, for accounts without a
 * trail bucket. Pages are stored in the LookupEvents output shape ({"Events": [...]}), which the
 * ingest pipeline reads like a saved CLI answer.
 */
export async function pullCloudTrailLookup(context: PullContext<LookupSettings>): Promise<void> {
  const { settings, tuning, signal } = context;
  const credentials = awsCredentials(settings, context.secrets, tuning, signal);
  const client = cloudTrailClient(settings, credentials, tuning);
  const gate = `lookup:${settings.roleArn ?? settings.accessKeyId}:${settings.region}`;
  const earliest = new Date(context.startedAt.getTime() - RETENTION_MS);
  const from = readFrom(settings, context.checkpoint);

  try {
    for (const window of windows(from < earliest ? earliest : from, context.startedAt, WINDOW_MS)) {
      let nextToken: string | undefined;
      let page = 1;
      do {
        const token = nextToken;
        const output = await awsCall(
          `Looking up CloudTrail events in ${settings.region} (page ${page})`,
          tuning,
          signal,
          () => {
            const command = new LookupEventsCommand({
              StartTime: window.start,
              EndTime: window.end,
              MaxResults: PAGE_SIZE,
              ...(token ? { NextToken: token } : {}),
            });
            return paced(gate, LOOKUP_INTERVAL_MS, signal, () =>
              client.send(command, { abortSignal: signal }),
            );
          },
        );
        const parsed = checkAnswer(LookupPage, output, "LookupEvents");
        if (parsed.Events.length > 0) {
          const name = `cloudtrail lookup ${settings.region} ${window.start.toISOString()} page ${page}`;
          await context.ingest.ingestJson(name, { Events: output.Events });
        }
        nextToken = parsed.NextToken;
        page += 1;
      } while (nextToken);
      await context.saveCheckpoint(window.end);
    }
  } finally {
    client.destroy();
  }
}
