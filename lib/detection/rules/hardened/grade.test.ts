import { describe, expect, it } from "vitest";
import type { SourceTable } from "../../../events/types";
import { ruleInput } from "../../test-input";
import { hardened } from "../hardened";

function grade(table: SourceTable, fields: Record<string, string>) {
  const outcome = hardened.evaluate(ruleInput(table, fields));
  if (!outcome.matched) throw new Error(`expected a match: ${outcome.reason}`);
  return `${outcome.match.severity}/${outcome.match.confidence}`;
}

const iamUser = { UserIdentityType: "IAMUser" };

describe("hardened severity and confidence", () => {
  it.each([
    ["critical AWS op that succeeded", { EventName: "StopLogging", ...iamUser }, "critical/high"],
    [
      "critical AWS op that failed",
      { EventName: "DeleteTrail", ErrorCode: "AccessDenied", ...iamUser },
      "critical/medium",
    ],
    ["high AWS op that succeeded", { EventName: "CreateAccessKey", ...iamUser }, "high/medium"],
    [
      "high AWS op that failed",
      { EventName: "CreateAccessKey", ErrorCode: "AccessDenied", ...iamUser },
      "high/low",
    ],
    [
      "a one-space ErrorCode counts as failed",
      { EventName: "CreateRole", ErrorCode: " " },
      "high/low",
    ],
    ["medium AWS op", { EventName: "RunInstances", ...iamUser }, "medium/medium"],
    [
      "root user, failed non-critical op",
      { EventName: "CreateKeyPair", UserIdentityType: "Root", ErrorCode: "Denied" },
      "medium/high",
    ],
    ["root user", { EventName: "CreateUser", UserIdentityType: "Root" }, "high/high"],
    [
      "Lambda code change",
      { EventName: "UpdateFunctionCode20150331v2", EventSource: "lambda.amazonaws.com" },
      "medium/medium",
    ],
  ])("AWSCloudTrail: %s", (_name, fields, expected) => {
    expect(grade("AWSCloudTrail", fields)).toBe(expected);
  });

  const elevate = "Microsoft.Authorization/elevateAccess/action";
  it.each([
    [
      "critical op succeeded",
      { OperationNameValue: elevate, ActivityStatusValue: "Success" },
      "critical/high",
    ],
    [
      "critical op started",
      { OperationNameValue: elevate, ActivityStatusValue: "Started" },
      "critical/medium",
    ],
    [
      "high op failed",
      {
        OperationNameValue: "Microsoft.Authorization/roleDefinitions/write",
        ActivityStatusValue: "Failed",
      },
      "high/low",
    ],
    [
      "medium op failed",
      {
        OperationNameValue: "Microsoft.Compute/virtualMachines/runCommand/action",
        ActivityStatusValue: "Failure",
      },
      "medium/low",
    ],
    [
      "VM write succeeded",
      {
        OperationNameValue: "Microsoft.Compute/virtualMachines/write",
        ActivityStatusValue: "Succeeded",
      },
      "medium/medium",
    ],
  ])("AzureActivity: %s", (_name, fields, expected) => {
    expect(grade("AzureActivity", fields)).toBe(expected);
  });

  const elevated =
    "User has elevated their access to User Access Administrator for their Azure Resources";
  it.each([
    [
      "Entra twin of elevateAccess succeeded",
      { OperationName: elevated, Result: "success" },
      "critical/high",
    ],
    ["Entra twin with no result", { OperationName: elevated }, "critical/medium"],
    ["Add user failed (Result)", { OperationName: "Add user", Result: "failure" }, "medium/low"],
    [
      "Add user failed (ResultType)",
      { OperationName: "Add user", ResultType: "Failure" },
      "medium/low",
    ],
    [
      "Consent to application",
      { OperationName: "Consent to application", Result: "success" },
      "high/medium",
    ],
    ["role prefix", { OperationName: "Add member to role", Result: "success" }, "high/medium"],
  ])("AuditLogs: %s", (_name, fields, expected) => {
    expect(grade("AuditLogs", fields)).toBe(expected);
  });
});
