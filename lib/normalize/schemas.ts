import { z } from "zod";
import type { NormalizedEvent } from "../events/types";

// Core fields only: a record is refused when it lacks what makes it an event of its source.
// Everything else is optional and read leniently, so a missing IP or user agent never rejects.
const name = z.string().min(1);
const nameOrValue = z.union([name, z.looseObject({ value: name })]);

// A record cut down to eventVersion and userIdentity (documentation excerpts) is still kept.
export const cloudTrailApiCall = z.union([
  z.looseObject({ eventName: name }),
  z.looseObject({ eventVersion: name }),
]);

export const cloudTrailInsight = z.looseObject({
  eventType: z.literal("AwsCloudTrailInsight"),
  insightDetails: z.looseObject({}),
});

export const azureActivityRecord = z.union([
  z.looseObject({ operationName: nameOrValue }),
  z.looseObject({ operation_name: nameOrValue }),
]);

export const entraDiagnosticRecord = z.union([
  z.looseObject({ operationName: name }),
  z.looseObject({ properties: z.looseObject({ activityDisplayName: name }) }),
]);

export const entraGraphRecord = z.looseObject({ activityDisplayName: name });

export const sentinelAuditLogsRow = z.looseObject({ OperationName: name });
// Legacy exports (before OperationNameValue existed) name the operation only in OperationName.
export const sentinelAzureActivityRow = z.union([
  z.looseObject({ OperationNameValue: name }),
  z.looseObject({ OperationName: name }),
]);
export const sentinelCloudTrailRow = z.looseObject({ EventName: name });

/** A record turned into an event, or why it could not be. */
export type Normalized = { ok: true; event: NormalizedEvent } | { ok: false; reason: string };

/**
 * Checks a record's core fields. The reason is `requirement` (a plain sentence such as "A
 * CloudTrail event needs eventName and eventSource") with zod's finding on the first problem.
 */
export function checkCore(
  schema: z.ZodType,
  record: unknown,
  requirement: string,
): { ok: true } | { ok: false; reason: string } {
  const result = schema.safeParse(record);
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  const path = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `;
  return { ok: false, reason: `${requirement} (${path}${issue?.message ?? "invalid"}).` };
}
