import { SENTINEL_COLUMNS, type SentinelColumn } from "../events/sentinel-columns";
import type { SentinelRow, SourceTable } from "../events/types";
import { columnText } from "./json";

function emptyRow(table: SourceTable): SentinelRow {
  return Object.fromEntries(SENTINEL_COLUMNS[table].map((column) => [column, ""]));
}

// Each row starts as a copy of its table's empty row, so the columns exist, in order, before the
// values are stored: measured faster than Object.fromEntries of the pairs, on every event.
const EMPTY_ROWS: Record<SourceTable, SentinelRow> = {
  AWSCloudTrail: emptyRow("AWSCloudTrail"),
  AzureActivity: emptyRow("AzureActivity"),
  AuditLogs: emptyRow("AuditLogs"),
};

/**
 * The Sentinel row of an event: every column of its table, each as Kusto text ("" when the
 * record has no value), whatever the given values' JSON types.
 */
export function sentinelRow<T extends SourceTable>(
  table: T,
  values: Partial<Record<SentinelColumn<T>, unknown>>,
): SentinelRow {
  const given: Readonly<Record<string, unknown>> = values;
  const columns: readonly string[] = SENTINEL_COLUMNS[table];
  const row: Record<string, string> = { ...EMPTY_ROWS[table] };
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as string;
    row[column] = columnText(given[column]);
  }
  return row;
}

/** JSON text of a nested value for a column, "" when null or absent. */
export function jsonColumn(value: unknown): string {
  return value === undefined || value === null ? "" : JSON.stringify(value);
}
