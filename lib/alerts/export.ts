import { csvRow } from "../export/csv";
import { allAlerts, type FullAlert } from "./queries";
import type { AlertFilter } from "./schemas";

export type ExportFormat = "csv" | "json";

const CSV_COLUMNS = [
  "id",
  "rule",
  "rule_version",
  "event_time",
  "source_table",
  "operation",
  "actor",
  "actor_type",
  "source_ip",
  "account",
  "outcome",
  "severity",
  "confidence",
  "status",
  "classification",
  "assignee",
  "suppressed_by",
  "explanation",
] as const;

function csvValues(alert: FullAlert): string[] {
  return [
    alert.id.toString(),
    alert.rule,
    String(alert.ruleVersion),
    alert.eventTime.toISOString(),
    alert.sourceTable,
    alert.operation,
    alert.actor,
    alert.actorType,
    alert.sourceIp ?? "",
    alert.account,
    alert.outcome,
    alert.severity,
    alert.confidence,
    alert.status,
    alert.classification ?? "",
    alert.assignee ?? "",
    alert.suppressedBy?.name ?? "",
    alert.explanation,
  ];
}

function jsonValue(alert: FullAlert): string {
  return JSON.stringify(alert, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

/** Exactly the alerts matching the filter, as CSV or a JSON array, streamed in batches. */
export async function* exportAlerts(
  filter: AlertFilter,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format === "csv") yield csvRow(CSV_COLUMNS);
  else yield "[";
  let first = true;
  for await (const alert of allAlerts(filter)) {
    if (format === "csv") yield csvRow(csvValues(alert));
    else yield `${first ? "\n" : ",\n"}${jsonValue(alert)}`;
    first = false;
  }
  if (format === "json") yield first ? "]\n" : "\n]\n";
}
