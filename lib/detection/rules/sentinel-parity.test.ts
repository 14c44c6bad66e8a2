import { describe, expect, it } from "vitest";
import { ruleInput } from "../test-input";
import type { RuleOutcome } from "./rule";
import { sentinelParity } from "./sentinel-parity";

function matchOf(outcome: RuleOutcome) {
  if (!outcome.matched) throw new Error(`expected a match, got a miss: ${outcome.reason}`);
  return outcome.match;
}

function reasonOf(outcome: RuleOutcome): string {
  if (outcome.matched) throw new Error(`expected a miss, got: ${outcome.match.explanation}`);
  return outcome.reason;
}

const cloudTrail = (fields: Parameters<typeof ruleInput<"AWSCloudTrail">>[1]) =>
  sentinelParity.evaluate(ruleInput("AWSCloudTrail", fields));

describe("sentinel parity: AWSCloudTrail leg", () => {
  it("says which needle matched which column value, and the caller condition", () => {
    const match = matchOf(cloudTrail({ EventName: "CreateUser", UserIdentityType: "IAMUser" }));
    expect(match).toEqual({
      severity: "high",
      confidence: "medium",
      explanation:
        "EventName `CreateUser` has the term `CreateUser` " +
        "(AWSCloudTrail; caller type `IAMUser`, not AssumedRole)",
      matched: "CreateUser",
      groupKey: "",
    });
  });

  it("excludes AssumedRole callers without an error", () => {
    const outcome = cloudTrail({ EventName: "CreateUser", UserIdentityType: "AssumedRole" });
    expect(reasonOf(outcome)).toBe("it excludes AssumedRole callers without an error");
  });

  it("keeps AssumedRole callers with an error and names the error", () => {
    const outcome = cloudTrail({
      EventName: "CreateUser",
      UserIdentityType: "AssumedRole",
      ErrorCode: "AccessDenied",
    });
    expect(matchOf(outcome).explanation).toContain(
      "caller AssumedRole with ErrorCode `AccessDenied`",
    );
  });

  it("compares UserIdentityType case-sensitively: `assumedrole` != `AssumedRole`", () => {
    const outcome = cloudTrail({ EventName: "CreateUser", UserIdentityType: "assumedrole" });
    expect(matchOf(outcome).explanation).toContain("caller type `assumedrole`, not AssumedRole");
  });

  it("counts an ErrorCode of one space as not empty", () => {
    const outcome = cloudTrail({
      EventName: "StopLogging",
      UserIdentityType: "AssumedRole",
      ErrorCode: " ",
    });
    expect(outcome.matched).toBe(true);
  });

  it("treats an empty UserIdentityType as not AssumedRole", () => {
    const outcome = cloudTrail({ EventName: "DeleteTrail", UserIdentityType: "" });
    expect(matchOf(outcome).explanation).toContain("caller type empty, not AssumedRole");
  });

  it("misses versioned Lambda names: the suffix makes one longer term", () => {
    const outcome = cloudTrail({ EventName: "UpdateFunctionCode20150331v2" });
    expect(reasonOf(outcome)).toBe(
      "none of its names occurs as whole terms in EventName `UpdateFunctionCode20150331v2`",
    );
  });

  it("says the column is empty when there is no event name", () => {
    expect(reasonOf(cloudTrail({ EventName: "" }))).toBe("EventName is empty");
  });
});

describe("sentinel parity: AzureActivity leg", () => {
  it("matches an upper-case operation by its phrase needle", () => {
    const input = ruleInput("AzureActivity", {
      OperationNameValue: "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE",
    });
    const match = matchOf(sentinelParity.evaluate(input));
    expect(match.matched).toBe("roleAssignments/write");
    expect(match.explanation).toBe(
      "OperationNameValue `MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE` has the terms " +
        "`roleAssignments/write` (AzureActivity)",
    );
  });

  it("does not use the AWS names on Azure rows", () => {
    const input = ruleInput("AzureActivity", { OperationNameValue: "CreateUser" });
    expect(sentinelParity.evaluate(input).matched).toBe(false);
  });

  it("reads OperationNameValue, not OperationName", () => {
    const input = ruleInput("AzureActivity", { OperationName: "roleAssignments/write" });
    expect(sentinelParity.evaluate(input).matched).toBe(false);
  });
});

describe("sentinel parity: AuditLogs leg", () => {
  it("matches `Group_AddMember` through the `_` delimiter", () => {
    const input = ruleInput("AuditLogs", { OperationName: "Group_AddMember" });
    const match = matchOf(sentinelParity.evaluate(input));
    expect(match.matched).toBe("AddMember");
    expect(match.explanation).toBe(
      "OperationName `Group_AddMember` has the term `AddMember` (AuditLogs)",
    );
  });

  it("never matches Entra's spaced display names", () => {
    const input = ruleInput("AuditLogs", { OperationName: "Add member to group" });
    expect(reasonOf(sentinelParity.evaluate(input))).toContain("`Add member to group`");
  });

  it("applies no caller condition outside CloudTrail", () => {
    const input = ruleInput("AuditLogs", { OperationName: "CreateUser", Identity: "AssumedRole" });
    expect(sentinelParity.evaluate(input).matched).toBe(true);
  });
});
