import type { AlertRow } from "@/lib/alerts/queries";

/** One alerts-table row as the browser receives it: ids and times as strings. */
export interface AlertRowView {
  id: string;
  eventTime: string;
  rule: string;
  severity: string;
  confidence: string;
  sourceTable: string;
  operation: string;
  actor: string;
  sourceIp: string;
  account: string;
  outcome: string;
  status: string;
  suppressedBy: string;
}

export function toRowView(row: AlertRow): AlertRowView {
  return {
    id: row.id.toString(),
    // ISO 8601 to the second: the milliseconds only widen a column analysts scan.
    eventTime: row.eventTime.toISOString().replace(/\.\d{3}Z$/, "Z"),
    rule: row.rule,
    severity: row.severity,
    confidence: row.confidence,
    sourceTable: row.sourceTable,
    operation: row.operation,
    actor: row.actor,
    sourceIp: row.sourceIp ?? "",
    account: row.account,
    outcome: row.outcome,
    status: row.status,
    suppressedBy: row.suppressedBy?.name ?? "",
  };
}
