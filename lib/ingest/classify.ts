import type { SourceTable } from "../events/types";
import { SOURCE_TABLES } from "../events/types";
import { at, isObject, type JsonObject } from "../normalize/json";

/** What one parsed record is, recognised by its content alone. */
export type RecordKind =
  | { family: "cloudtrail"; insight: boolean }
  | { family: "cloudtrail-history" }
  | { family: "cloudtrail-eventbridge" }
  | { family: "cloudtrail-digest" }
  | { family: "azure-activity"; variant: "diagnostic" | "rest" | "sdk" }
  | { family: "entra"; variant: "diagnostic" | "graph" }
  | { family: "sentinel-row"; table: SourceTable }
  | { family: "unknown" };

export function classifyRecord(value: unknown): RecordKind {
  if (!isObject(value)) return { family: "unknown" };
  if (typeof value["detail-type"] === "string" && isCloudTrail(value.detail)) {
    return { family: "cloudtrail-eventbridge" };
  }
  if (value.CloudTrailEvent !== undefined) return { family: "cloudtrail-history" };
  if (isCloudTrail(value)) {
    return { family: "cloudtrail", insight: value.eventType === "AwsCloudTrailInsight" };
  }
  if (value.digestStartTime !== undefined && value.logFiles !== undefined) {
    return { family: "cloudtrail-digest" };
  }
  const table = sentinelTable(value);
  if (table !== null) return { family: "sentinel-row", table };
  if (isEntraDiagnostic(value)) return { family: "entra", variant: "diagnostic" };
  if (value.activityDisplayName !== undefined && value.operationName === undefined) {
    return { family: "entra", variant: "graph" };
  }
  if (value.operation_name !== undefined) return { family: "azure-activity", variant: "sdk" };
  if (typeof value.operationName === "string") {
    return { family: "azure-activity", variant: "diagnostic" };
  }
  if (isObject(value.operationName)) return { family: "azure-activity", variant: "rest" };
  return { family: "unknown" };
}

function isCloudTrail(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.eventType === "AwsCloudTrailInsight") return true;
  const named = typeof value.eventName === "string" || typeof value.eventSource === "string";
  const versioned = typeof value.eventVersion === "string";
  const marked =
    value.eventTime !== undefined ||
    value.userIdentity !== undefined ||
    value.awsRegion !== undefined;
  // Documentation excerpts cut a record down to eventVersion and userIdentity: still CloudTrail.
  return (named || versioned) && (marked || (named && versioned));
}

function isEntraDiagnostic(value: JsonObject): boolean {
  if (typeof value.category === "string" && value.category.toLowerCase() === "auditlogs") {
    return true;
  }
  return at(value, "properties", "activityDisplayName") !== undefined;
}

/**
 * The table of a Sentinel export row: its `Type` or `$table` column, else its columns' names
 * (PascalCase names that native records never use).
 */
function sentinelTable(value: JsonObject): SourceTable | null {
  const named = SOURCE_TABLES.find((t) => t === value.Type || t === value.$table);
  if (named !== undefined) return named;
  const time = value.TimeGenerated !== undefined || value["TimeGenerated [UTC]"] !== undefined;
  if (!time) return null;
  if (value.OperationNameValue !== undefined) return "AzureActivity";
  if (value.EventName !== undefined && value.UserIdentityType !== undefined) return "AWSCloudTrail";
  if (value.ActivityDisplayName !== undefined || value.InitiatedBy !== undefined)
    return "AuditLogs";
  return null;
}
