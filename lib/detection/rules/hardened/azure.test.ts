import { describe, expect, it } from "vitest";
import { ruleInput } from "../../test-input";
import { hardened } from "../hardened";
import type { RuleMatch } from "../rule";

const correlationId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

function azure(fields: Parameters<typeof ruleInput<"AzureActivity">>[1]): RuleMatch | null {
  const outcome = hardened.evaluate(ruleInput("AzureActivity", fields));
  return outcome.matched ? outcome.match : null;
}

describe("hardened Azure list", () => {
  it("matches the exact operation, ignoring case", () => {
    const match = azure({ OperationNameValue: "MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION" });
    expect(match?.matched).toBe("Microsoft.Authorization/elevateAccess/action");
    expect(match?.explanation).toBe(
      "OperationNameValue `MICROSOFT.AUTHORIZATION/ELEVATEACCESS/ACTION` matches " +
        "`Microsoft.Authorization/elevateAccess/action` on the Azure list",
    );
  });

  it("does not match by terms: a longer provider path is another operation", () => {
    const value = "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments/write";
    expect(azure({ OperationNameValue: value })).toBeNull();
    expect(
      azure({ OperationNameValue: "Microsoft.Authorization/roleAssignments/delete" }),
    ).toBeNull();
  });

  it("covers the PIM schedule requests the Sentinel rule misses", () => {
    const value = "Microsoft.Authorization/roleEligibilityScheduleRequests/write";
    expect(azure({ OperationNameValue: value })?.matched).toBe(value);
  });
});

describe("hardened Azure operation key", () => {
  const operation = "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE";

  it("gives the Started and Succeeded records of one operation the same key", () => {
    const started = azure({
      OperationNameValue: operation,
      ActivityStatusValue: "Started",
      CorrelationId: correlationId,
    });
    const succeeded = azure({
      OperationNameValue: "Microsoft.Authorization/roleAssignments/write",
      ActivityStatusValue: "Succeeded",
      CorrelationId: correlationId,
    });
    expect(started?.groupKey).toBe(
      `azure-op:${correlationId}|microsoft.authorization/roleassignments/write`,
    );
    expect(succeeded?.groupKey).toBe(started?.groupKey);
  });

  it("keeps other correlation ids and other operations apart", () => {
    const base = { OperationNameValue: operation, CorrelationId: correlationId };
    const key = azure(base)?.groupKey;
    const otherId = azure({ ...base, CorrelationId: "11111111-2222-3333-4444-555555555555" });
    const otherOp = azure({
      ...base,
      OperationNameValue: "Microsoft.Compute/virtualMachines/write",
    });
    expect(otherId?.groupKey).not.toBe(key);
    expect(otherOp?.groupKey).not.toBe(key);
  });

  it("keeps one alert per record when there is no correlation id", () => {
    expect(azure({ OperationNameValue: operation })?.groupKey).toBe("");
  });
});
