import type { SentinelColumn } from "../events/sentinel-columns";
import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import type { SourceTable } from "../events/types";
import type { RuleInput } from "./rules/rule";

/** Tests' default TimeGenerated: one hour before the vectors' run instant. */
export const TEST_TIME = new Date("2025-06-01T11:00:00Z");

/**
 * A rule input for tests: every column of the table's row is "" unless given, as the normaliser
 * guarantees. A column the table does not carry is a mistake in the test, so it throws.
 */
export function ruleInput<T extends SourceTable>(
  table: T,
  fields: Partial<Record<SentinelColumn<T>, string>>,
  timeGenerated: Date = TEST_TIME,
): RuleInput {
  return { table, timeGenerated, row: sentinelRow(table, fields) };
}

/** The same from untyped fields (a JSON fixture). */
export function sentinelRow(
  table: SourceTable,
  fields: Readonly<Record<string, string | undefined>>,
): RuleInput["row"] {
  const columns: readonly string[] = SENTINEL_COLUMNS[table];
  const row: Record<string, string> = {};
  for (const column of columns) row[column] = "";

  for (const [column, value] of Object.entries(fields)) {
    if (!columns.includes(column)) throw new Error(`${table} has no column ${column}`);
    if (value !== undefined) row[column] = value;
  }
  return row;
}
