import { describe, expect, it } from "vitest";
import { evaluateRules } from "./evaluate";
import { hardened } from "./rules/hardened";
import { sentinelParity } from "./rules/sentinel-parity";
import { ruleInput } from "./test-input";

describe("evaluateRules", () => {
  it("gives every rule's outcome with its id and version", () => {
    const input = ruleInput("AWSCloudTrail", {
      EventName: "CreateUser",
      UserIdentityType: "AssumedRole",
    });
    const results = evaluateRules(input);
    expect(
      results.map(({ ruleId, ruleVersion, outcome }) => [ruleId, ruleVersion, outcome.matched]),
    ).toEqual([
      ["sentinel-parity", sentinelParity.version, false],
      ["hardened", hardened.version, true],
    ]);
  });

  it("attaches notes only to rules that matched", () => {
    const input = ruleInput("AWSCloudTrail", {
      EventName: "CreateUser",
      UserIdentityType: "AssumedRole",
      UserAgent: "Terraform/1.5.7",
    });
    const [parity, hardened] = evaluateRules(input);
    expect(parity?.notes).toEqual([]);
    expect(hardened?.notes).toHaveLength(4);
    expect(hardened?.notes[3]?.callerControlled).toBe(true);
  });

  it("ignores the event's age: a year-old event still matches", () => {
    const input = ruleInput(
      "AWSCloudTrail",
      { EventName: "StopLogging", UserIdentityType: "IAMUser" },
      new Date("2024-06-01T00:00:00Z"),
    );
    expect(evaluateRules(input).every(({ outcome }) => outcome.matched)).toBe(true);
  });

  it("matches nothing on an ordinary event", () => {
    const input = ruleInput("AzureActivity", {
      OperationNameValue: "Microsoft.Storage/storageAccounts/read",
    });
    expect(evaluateRules(input).map(({ outcome, notes }) => [outcome.matched, notes])).toEqual([
      [false, []],
      [false, []],
    ]);
  });
});
