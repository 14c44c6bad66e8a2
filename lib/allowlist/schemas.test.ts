import { describe, expect, it } from "vitest";
import { AllowlistEntryInput } from "./schemas";

const valid = {
  name: "terraform",
  actorPattern: "arn:aws:iam::*:role/terraform-*",
  reason: "Nightly apply",
  owner: "platform team",
  expiresAt: new Date(Date.now() + 86_400_000),
};

function messages(input: Record<string, unknown>) {
  const parsed = AllowlistEntryInput.safeParse({ ...valid, ...input });
  return parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];
}

describe("allowlist entry input", () => {
  it("accepts a plain entry", () => {
    expect(messages({})).toEqual([]);
  });

  it("refuses NUL characters in each text field, naming it", () => {
    expect(messages({ name: "a\u0000b" })).toEqual([
      "name: The name cannot hold control characters.",
    ]);
    expect(messages({ actorPattern: "ab\u0000*" })).toEqual([
      "actorPattern: The actor pattern cannot hold control characters.",
    ]);
    expect(messages({ userAgentPattern: "x\u0000" })).toEqual([
      "userAgentPattern: The user-agent pattern cannot hold control characters.",
    ]);
    expect(messages({ owner: "o\u001b", operations: "GetObject\u0000" })).toHaveLength(2);
  });

  it("says how long the reason may be in plain words", () => {
    expect(messages({ reason: "x".repeat(2001) })).toEqual([
      "reason: The reason is too long: use at most 2,000 characters.",
    ]);
  });
});
