import type { SentinelRow } from "../events/types";

/** A column of a Sentinel row; "" when the row lacks it, as Kusto strings are never null (R6). */
export function cell(row: SentinelRow, column: string): string {
  return row[column] ?? "";
}
