import { describe, expect, it } from "vitest";
import { sentinelRow } from "../../test-input";
import { judgeAuditLog, normalizeEntraName } from "./entra";
import type { Judgement } from "./judgement";

const judge = (OperationName: string): Judgement =>
  judgeAuditLog(sentinelRow("AuditLogs", { OperationName }));

function entryOf(judgement: Judgement): string | null {
  return "hit" in judgement ? judgement.hit.entry : null;
}

describe("Entra name normalisation", () => {
  it("trims, collapses white space, turns en and em dashes into `-`, lower-cases", () => {
    expect(
      normalizeEntraName("  Update application \u2013  Certificates\tand secrets management "),
    ).toBe("update application - certificates and secrets management");
    expect(normalizeEntraName("A\u2014B")).toBe("a-b");
  });
});

describe("hardened Entra list", () => {
  it("matches display names after normalisation", () => {
    expect(entryOf(judge("add  MEMBER to group"))).toBe("Add member to group");
    expect(entryOf(judge("Update application \u2014 Certificates and secrets management"))).toBe(
      "Update application - Certificates and secrets management",
    );
    expect(entryOf(judge("Group_AddMember"))).toBe("Group_AddMember");
  });

  it("matches names starting with the role prefixes", () => {
    const judgement = judge("Add member to role in PIM requested (permanent)");
    expect(entryOf(judgement)).toBe("Add member to role");
    expect("hit" in judgement && judgement.hit.explanation).toBe(
      "OperationName `Add member to role in PIM requested (permanent)` starts with " +
        "`Add member to role`",
    );
    expect(entryOf(judge("add eligible member to role in PIM completed"))).toBe(
      "Add eligible member to role",
    );
  });

  it("is exact apart from normalisation: no partial names", () => {
    expect(entryOf(judge("Add user to group"))).toBeNull();
    expect(entryOf(judge("Add"))).toBeNull();
    expect(entryOf(judge("Update user"))).toBeNull();
  });

  it("reads only OperationName: a diagnostic export's `Invite Internal User` is not listed", () => {
    const judgement = judge("Invite Internal User");
    expect("miss" in judgement && judgement.miss).toBe(
      "OperationName `Invite Internal User` is not on the Entra list",
    );
  });
});

describe("hardened Entra activity name", () => {
  it("judges properties.activityDisplayName when operationName is not on the list", () => {
    const row = sentinelRow("AuditLogs", {
      OperationName: "Invite Internal User",
      ActivityDisplayName: "Invite external user",
    });
    const judgement = judgeAuditLog(row);
    expect(entryOf(judgement)).toBe("Invite external user");
    expect("hit" in judgement && judgement.hit.explanation).toMatch(/^ActivityDisplayName/);
  });

  it("misses when neither name is on the list", () => {
    const row = sentinelRow("AuditLogs", {
      OperationName: "Update user",
      ActivityDisplayName: "Update user",
    });
    expect(entryOf(judgeAuditLog(row))).toBeNull();
  });
});
