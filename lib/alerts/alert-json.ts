import type { AlertRow } from "./queries";

/** An alerts-table row as the JSON API sends it: ids as strings, times in ISO 8601. */
export function alertJson(row: AlertRow) {
  return {
    id: row.id.toString(),
    rule: row.rule,
    eventTime: row.eventTime.toISOString(),
    sourceTable: row.sourceTable,
    operation: row.operation,
    actor: row.actor,
    actorType: row.actorType,
    sourceIp: row.sourceIp,
    account: row.account,
    outcome: row.outcome,
    severity: row.severity,
    confidence: row.confidence,
    status: row.status,
    suppressedBy: row.suppressedBy,
  };
}
