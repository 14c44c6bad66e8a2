import type { PARITY_PROJECTION } from "../../events/sentinel-columns";
import type { SourceTable } from "../../events/types";
import { cell } from "../cell";
import type { RuleInput } from "./rule";
import { sentinelParity } from "./sentinel-parity";

// `ago(24h)`: one instant per run, and `>` is strict, so an event exactly 24 hours old is out.
const WINDOW_MS = 24 * 60 * 60 * 1000;

/** `ago(24h)` at the run instant `now`: the query keeps rows whose TimeGenerated is after it. */
export function sentinelWindowStart(now: Date): Date {
  return new Date(now.getTime() - WINDOW_MS);
}

export function inSentinelWindow(timeGenerated: Date, now: Date): boolean {
  return timeGenerated.getTime() > sentinelWindowStart(now).getTime();
}

/** Whether the scheduled Sentinel query, run at `now`, returns this event's row. */
export function sentinelQueryReturns(input: RuleInput, now: Date): boolean {
  return inSentinelWindow(input.timeGenerated, now) && sentinelParity.evaluate(input).matched;
}

export type ParityColumn = (typeof PARITY_PROJECTION)[number];
export type ParityReportRow = Record<ParityColumn, string>;

/**
 * Which projected columns each table has (sentinel-schemas.md section 0). The outer union gives ""
 * for the others. AWS rows carry only OperationName, the constant "CloudTrail".
 */
const PROJECTED: Record<SourceTable, readonly Exclude<ParityColumn, "TimeGenerated">[]> = {
  AWSCloudTrail: ["OperationName"],
  AzureActivity: ["OperationName", "CallerIpAddress"],
  AuditLogs: ["OperationName", "Identity", "ResultType", "ResultDescription"],
};

/** Every Sentinel column the projection reads, over all tables. */
export const PARITY_PROJECTED_COLUMNS: readonly string[] = [
  ...new Set(Object.values(PROJECTED).flat()),
];

/** The row's six projected columns, as the Sentinel query's `project` gives them. */
export function parityReportRow({ table, timeGenerated, row }: RuleInput): ParityReportRow {
  const report: ParityReportRow = {
    TimeGenerated: timeGenerated.toISOString(),
    OperationName: "",
    Identity: "",
    CallerIpAddress: "",
    ResultType: "",
    ResultDescription: "",
  };
  for (const column of PROJECTED[table]) report[column] = cell(row, column);
  return report;
}
