import { describe, expect, it } from "vitest";
import { ruleInput } from "../test-input";
import { inSentinelWindow, parityReportRow, sentinelQueryReturns } from "./sentinel-query";

const now = new Date("2025-06-01T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

describe("Sentinel window", () => {
  it("leaves out an event exactly 24 hours old (`>` is strict)", () => {
    expect(inSentinelWindow(new Date(now.getTime() - DAY_MS), now)).toBe(false);
  });

  it("keeps an event 24 hours minus 1 ms old", () => {
    expect(inSentinelWindow(new Date(now.getTime() - DAY_MS + 1), now)).toBe(true);
  });

  it("keeps events stamped after the run instant", () => {
    expect(inSentinelWindow(new Date(now.getTime() + 1), now)).toBe(true);
  });
});

describe("sentinelQueryReturns", () => {
  const fields = { EventName: "CreateUser", UserIdentityType: "IAMUser" };

  it("needs both the window and the predicate", () => {
    const recent = ruleInput("AWSCloudTrail", fields, new Date("2025-06-01T11:00:00Z"));
    const old = ruleInput("AWSCloudTrail", fields, new Date("2025-05-31T11:00:00Z"));
    const excluded = ruleInput(
      "AWSCloudTrail",
      { ...fields, UserIdentityType: "AssumedRole" },
      new Date("2025-06-01T11:00:00Z"),
    );
    expect(sentinelQueryReturns(recent, now)).toBe(true);
    expect(sentinelQueryReturns(old, now)).toBe(false);
    expect(sentinelQueryReturns(excluded, now)).toBe(false);
  });
});

describe("parity report row", () => {
  const time = new Date("2025-06-01T11:00:00.123Z");

  it("gives an AWS row only its time and OperationName", () => {
    const input = ruleInput(
      "AWSCloudTrail",
      { OperationName: "CloudTrail", EventName: "CreateUser", SourceIpAddress: "192.0.2.10" },
      time,
    );
    expect(parityReportRow(input)).toEqual({
      TimeGenerated: "2025-06-01T11:00:00.123Z",
      OperationName: "CloudTrail",
      Identity: "",
      CallerIpAddress: "",
      ResultType: "",
      ResultDescription: "",
    });
  });

  it("gives an AzureActivity row OperationName and CallerIpAddress", () => {
    const input = ruleInput(
      "AzureActivity",
      {
        OperationName: "Create role assignment",
        OperationNameValue: "Microsoft.Authorization/roleAssignments/write",
        CallerIpAddress: "203.0.113.5",
        Caller: "eve@contoso.com",
        ActivityStatusValue: "Succeeded",
      },
      time,
    );
    expect(parityReportRow(input)).toEqual({
      TimeGenerated: "2025-06-01T11:00:00.123Z",
      OperationName: "Create role assignment",
      Identity: "",
      CallerIpAddress: "203.0.113.5",
      ResultType: "",
      ResultDescription: "",
    });
  });

  it("gives an AuditLogs row its four columns and no CallerIpAddress", () => {
    const input = ruleInput(
      "AuditLogs",
      {
        OperationName: "Group_AddMember",
        Identity: "bob@contoso.com",
        ResultType: "Success",
        ResultDescription: "done",
        Result: "success",
      },
      time,
    );
    expect(parityReportRow(input)).toEqual({
      TimeGenerated: "2025-06-01T11:00:00.123Z",
      OperationName: "Group_AddMember",
      Identity: "bob@contoso.com",
      CallerIpAddress: "",
      ResultType: "Success",
      ResultDescription: "done",
    });
  });

  it("keeps the projection's column order", () => {
    const input = ruleInput("AuditLogs", { OperationName: "x" }, time);
    expect(Object.keys(parityReportRow(input))).toEqual([
      "TimeGenerated",
      "OperationName",
      "Identity",
      "CallerIpAddress",
      "ResultType",
      "ResultDescription",
    ]);
  });
});
