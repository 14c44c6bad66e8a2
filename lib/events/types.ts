/** The three Sentinel tables an event belongs to; every input shape maps onto one of them. */
export const SOURCE_TABLES = ["AWSCloudTrail", "AzureActivity", "AuditLogs"] as const;
export type SourceTable = (typeof SOURCE_TABLES)[number];

/** What the event records: an API call (or Azure/Entra operation), or a CloudTrail Insights event. */
export type EventKind = "api_call" | "insight";

export type Outcome = "success" | "failure" | "in_progress" | "unknown";

/**
 * The event as the Sentinel table row would hold it: column name to string, "" where the table
 * has the column but the record has no value (Kusto strings are never null). Only the columns the
 * rules and the parity report read are kept; the raw record holds everything else.
 */
export type SentinelRow = Readonly<Record<string, string>>;

/** Marks put on an event when normalisation had to change or guess something. */
export type EventFlag =
  | "nul_replaced"
  | "surrogate_replaced"
  | "utf8_replaced"
  | "time_fallback"
  | "time_unreadable"
  | "json_in_string_decoded";

/** One log record turned into Tripline's normalised event (see docs: formats). */
export interface NormalizedEvent {
  table: SourceTable;
  kind: EventKind;
  /** The event's own time in UTC, never the time of ingestion. */
  eventTime: Date;
  operation: string;
  actor: string;
  actorType: string;
  /** An IPv4 or IPv6 address in canonical text form, or null when the record has none. */
  sourceIp: string | null;
  /** A caller location that is not an address (`ec2.amazonaws.com`, `AWS Internal`). */
  sourceHost: string;
  /** AWS account, Azure subscription or Entra tenant. */
  account: string;
  region: string;
  userAgent: string;
  outcome: Outcome;
  /** The native result code: AWS errorCode, Azure status, Entra result. */
  outcomeCode: string;
  /** The native event id, or null when the shape has none (a content digest stands in). */
  nativeId: string | null;
  /** Azure correlation id (one operation's records share it); "" elsewhere. */
  correlationId: string;
  sentinel: SentinelRow;
  flags: EventFlag[];
}
