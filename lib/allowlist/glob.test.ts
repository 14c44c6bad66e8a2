import { describe, expect, it } from "vitest";
import { globMatches, globToRegex } from "./glob";

describe("actor globs", () => {
  it.each([
    [
      "arn:aws:iam::111122223333:role/terraform-*",
      "arn:aws:iam::111122223333:role/terraform-ci",
      true,
    ],
    ["arn:aws:iam::111122223333:role/terraform-*", "arn:aws:iam::111122223333:role/admin", false],
    ["ci-?", "ci-1", true],
    ["ci-?", "ci-12", false],
    ["*@contoso.com", "Alice@Contoso.com", true],
    ["alice", "alice2", false],
    ["a.b", "axb", false],
    ["(x)+[y]", "(x)+[y]", true],
    ["*", "", true],
  ])("%s against %s is %s", (glob, value, expected) => {
    expect(globMatches(glob, value)).toBe(expected);
  });

  it("escapes every regex metacharacter", () => {
    expect(globToRegex("a.b$c")).toBe("^a\\.b\\$c$");
  });
});
