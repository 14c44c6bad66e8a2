/** The kinds of source Tripline pulls from; each has one module under sources/. */
export const SOURCE_KINDS = [
  "aws-s3",
  "aws-lookup",
  "entra-graph",
  "azure-activity",
  "log-analytics",
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  "aws-s3": "AWS CloudTrail in S3",
  "aws-lookup": "AWS CloudTrail event history (LookupEvents)",
  "entra-graph": "Entra ID audit logs (Microsoft Graph)",
  "azure-activity": "Azure Activity Log (Resource Manager)",
  "log-analytics": "Log Analytics / Sentinel workspace",
};

/**
 * How far back each run reads again before its checkpoint: services deliver late (CloudTrail
 * objects hours late, Entra and Activity records minutes late). Overlap is stored once anyway.
 */
export const DEFAULT_LOOKBACK_MINUTES: Record<SourceKind, number> = {
  "aws-s3": 24 * 60,
  "aws-lookup": 30,
  "entra-graph": 30,
  "azure-activity": 30,
  "log-analytics": 30,
};

export const LOG_ANALYTICS_TABLES = ["AuditLogs", "AzureActivity", "AWSCloudTrail"] as const;
export type LogAnalyticsTable = (typeof LOG_ANALYTICS_TABLES)[number];
