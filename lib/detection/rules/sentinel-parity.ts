import type { SentinelRow, SourceTable } from "../../events/types";
import { cell } from "../cell";
import { firstMatchingNeedle } from "../kusto/has";
import type { DetectionRule, RuleInput, RuleOutcome } from "./rule";
import { matched, missed } from "./rule";

/** `SuspiciousAPICalls` of the Sentinel rule, verbatim (spec/detection.md section 1). */
export const SUSPICIOUS_API_CALLS = [
  "CreateUser",
  "AttachUserPolicy",
  "CreateAccessKey",
  "CreateRole",
  "AssumeRole",
  "GetSessionToken",
  "PutBucketPolicy",
  "DeleteBucketPolicy",
  "CreateFunction",
  "UpdateFunctionCode",
  "RunInstances",
  "CreateKeyPair",
  "StopLogging",
  "DeleteTrail",
  "PutEventSelectors",
  "DisableGuardDuty",
  "DeleteDetector",
  "CreateGroup",
  "AddMemberToGroup",
  "InviteUser",
  "AddMember",
  "roleDefinitions/write",
  "roleAssignments/write",
] as const;

/** The AzureActivity leg's own literal list. */
export const AZURE_ACTIVITY_NEEDLES = [
  "roleDefinitions/write",
  "roleAssignments/write",
  "Microsoft.Compute/virtualMachines/write",
] as const;

// 2: has() follows simple case folding exactly (dotless i no longer folds to i) and only
// decimal digits are term characters.
export const SENTINEL_PARITY_VERSION = 2;

/**
 * The Sentinel rule's per-event predicate, bugs included, without its 24-hour window: alerts are
 * raised for events of any age (section 4); the window lives in sentinel-query.ts.
 */
export const sentinelParity: DetectionRule = {
  id: "sentinel-parity",
  name: "Sentinel parity: suspicious cloud API call (T1059.009)",
  version: SENTINEL_PARITY_VERSION,
  evaluate: evaluateParity,
};

/** The column each leg of the union tests with has_any, and its needles. */
export const PARITY_LEGS: Readonly<
  Record<SourceTable, { column: string; needles: readonly string[] }>
> = {
  AuditLogs: { column: "OperationName", needles: SUSPICIOUS_API_CALLS },
  AzureActivity: { column: "OperationNameValue", needles: AZURE_ACTIVITY_NEEDLES },
  AWSCloudTrail: { column: "EventName", needles: SUSPICIOUS_API_CALLS },
};

// The CloudTrail leg's caller filter reads these two columns.
const IDENTITY_TYPE = "UserIdentityType";
const ERROR_CODE = "ErrorCode";

/** Every Sentinel column the predicate reads: a reader may fetch only these. */
export const PARITY_PREDICATE_COLUMNS: readonly string[] = [
  ...new Set([...Object.values(PARITY_LEGS).map((leg) => leg.column), IDENTITY_TYPE, ERROR_CODE]),
];

function evaluateParity({ table, row }: RuleInput): RuleOutcome {
  const { column, needles } = PARITY_LEGS[table];
  const value = cell(row, column);
  const needle = firstMatchingNeedle(value, needles);
  if (needle === null) return missed(nameMiss(column, value));
  if (table !== "AWSCloudTrail") return parityMatch(column, value, needle, table);

  const context = callerCondition(row);
  if (context === null) return missed("it excludes AssumedRole callers without an error");
  return parityMatch(column, value, needle, context);
}

/**
 * The CloudTrail leg's second filter, `UserIdentityType != "AssumedRole" or isnotempty(ErrorCode)`.
 * `!=` is exact and case-sensitive, and isnotempty(" ") is true: no trimming, no folding.
 * Returns the explanation's context, or null when the filter drops the row.
 */
function callerCondition(row: SentinelRow): string | null {
  const identityType = cell(row, IDENTITY_TYPE);
  const errorCode = cell(row, ERROR_CODE);

  if (identityType !== "AssumedRole") {
    const shown = identityType === "" ? "empty" : `\`${identityType}\``;
    return `AWSCloudTrail; caller type ${shown}, not AssumedRole`;
  }
  if (errorCode !== "") return `AWSCloudTrail; caller AssumedRole with ErrorCode \`${errorCode}\``;
  return null;
}

function parityMatch(column: string, value: string, needle: string, context: string): RuleOutcome {
  const terms = /^[\p{L}\p{N}]+$/u.test(needle) ? "the term" : "the terms";
  return matched({
    severity: "high",
    confidence: "medium",
    explanation: `${column} \`${value}\` has ${terms} \`${needle}\` (${context})`,
    matched: needle,
    groupKey: "",
  });
}

function nameMiss(column: string, value: string): string {
  if (value === "") return `${column} is empty`;
  return `none of its names occurs as whole terms in ${column} \`${value}\``;
}
