import type { SentinelRow, SourceTable } from "../../../events/types";
import { cell } from "../../cell";
import type { Confidence, Severity } from "../rule";
import { CRITICAL_ENTRIES, MEDIUM_ENTRIES } from "./lists";

export type OperationStatus = "succeeded" | "failed" | "pending";

/**
 * Whether the operation failed, succeeded, or has not finished (an Azure Started record, an Entra
 * result that is neither success nor failure).
 */
export function operationStatus(table: SourceTable, row: SentinelRow): OperationStatus {
  switch (table) {
    case "AWSCloudTrail":
      // Like isnotempty(): a code of one space is still a code.
      return cell(row, "ErrorCode") === "" ? "succeeded" : "failed";
    case "AzureActivity":
      return statusOf([cell(row, "ActivityStatusValue")]);
    case "AuditLogs":
      return statusOf([cell(row, "Result"), cell(row, "ResultType")]);
  }
}

const FAILED = new Set(["failed", "failure"]);
const SUCCEEDED = new Set(["succeeded", "success"]);

function statusOf(values: readonly string[]): OperationStatus {
  const lower = values.map((value) => value.trim().toLowerCase());
  if (lower.some((value) => FAILED.has(value))) return "failed";
  if (lower.some((value) => SUCCEEDED.has(value))) return "succeeded";
  return "pending";
}

/** The severity table of section 6, by the list entry that matched. */
export function severityOf(entry: string): Severity {
  if (CRITICAL_ENTRIES.has(entry)) return "critical";
  if (MEDIUM_ENTRIES.has(entry)) return "medium";
  return "high";
}

/**
 * High for the root user or a critical operation that succeeded; low for a failed operation that
 * is not critical; medium otherwise. Root comes first: a root user's failed attempt still matters.
 */
export function confidenceOf(entry: string, table: SourceTable, row: SentinelRow): Confidence {
  const critical = CRITICAL_ENTRIES.has(entry);
  const status = operationStatus(table, row);
  const isRoot = table === "AWSCloudTrail" && cell(row, "UserIdentityType") === "Root";

  if (isRoot || (critical && status === "succeeded")) return "high";
  if (status === "failed" && !critical) return "low";
  return "medium";
}
