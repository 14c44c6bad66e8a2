import { SENTINEL_COLUMNS, type SentinelColumn } from "../events/sentinel-columns";
import type { SentinelRow, SourceTable } from "../events/types";
import { columnText } from "./json";

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
  return Object.fromEntries(columns.map((column) => [column, columnText(given[column])]));
}

/** JSON text of a nested value for a column, "" when null or absent. */
export function jsonColumn(value: unknown): string {
  return value === undefined || value === null ? "" : JSON.stringify(value);
}
