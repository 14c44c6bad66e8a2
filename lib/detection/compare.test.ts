import { describe, expect, it } from "vitest";
import { compareRules } from "./compare";
import { hardened } from "./rules/hardened";
import { sentinelParity } from "./rules/sentinel-parity";
import { ruleInput } from "./test-input";

function compare(input: ReturnType<typeof ruleInput>): string | null {
  return compareRules(sentinelParity.evaluate(input), hardened.evaluate(input));
}

describe("compareRules", () => {
  it("says why parity misses an assumed role's CreateUser", () => {
    const input = ruleInput("AWSCloudTrail", {
      EventName: "CreateUser",
      UserIdentityType: "AssumedRole",
    });
    expect(compare(input)).toBe(
      "Sentinel parity misses this: it excludes AssumedRole callers without an error.",
    );
  });

  it("says why parity misses a versioned Lambda name", () => {
    const input = ruleInput("AWSCloudTrail", {
      EventName: "CreateFunction20150331",
      EventSource: "lambda.amazonaws.com",
      UserIdentityType: "IAMUser",
    });
    expect(compare(input)).toBe(
      "Sentinel parity misses this: none of its names occurs as whole terms in EventName " +
        "`CreateFunction20150331`.",
    );
  });

  it("says why the hardened rule drops a same-account STS call", () => {
    const input = ruleInput("AWSCloudTrail", {
      EventName: "GetSessionToken",
      UserIdentityType: "IAMUser",
      UserIdentityAccountId: "111122223333",
      RecipientAccountId: "111122223333",
    });
    expect(compare(input)).toBe("Hardened rule drops this: STS call within the same account.");
  });

  it("says nothing when both rules fire or neither does", () => {
    const both = ruleInput("AWSCloudTrail", {
      EventName: "CreateUser",
      UserIdentityType: "IAMUser",
    });
    const neither = ruleInput("AWSCloudTrail", { EventName: "ListBuckets" });
    expect(compare(both)).toBeNull();
    expect(compare(neither)).toBeNull();
  });
});
