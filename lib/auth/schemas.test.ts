import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, NewTokenInput, NextPath, safeNextPath } from "./schemas";

describe("safeNextPath", () => {
  it("keeps a path of this site with its query and fragment", () => {
    expect(safeNextPath("/alerts?range=7d&severity=high#top")).toBe(
      "/alerts?range=7d&severity=high#top",
    );
    expect(safeNextPath("/ingest/history")).toBe("/ingest/history");
  });

  it("percent-encodes other than ASCII, so a Location header carries ASCII only", () => {
    const next = safeNextPath("/alerts?actor=Zoë Müller#ü");
    expect(next).toBe("/alerts?actor=Zo%C3%AB%20M%C3%BCller#%C3%BC");
    expect(next).toMatch(/^[\x21-\x7e]+$/);
  });

  it("refuses other origins, control characters and anything not a path", () => {
    for (const raw of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "/alerts\u0000",
      "/al\terts",
      "/\n/evil.example",
      "alerts",
      "",
      `/${"a".repeat(2001)}`,
      42,
      undefined,
    ]) {
      expect(safeNextPath(raw)).toBe(DEFAULT_NEXT_PATH);
    }
  });

  it("is what NextPath parses to", () => {
    expect(NextPath.parse("/parity?x=ä")).toBe("/parity?x=%C3%A4");
    expect(NextPath.parse(null)).toBe(DEFAULT_NEXT_PATH);
  });
});

describe("NewTokenInput", () => {
  it("refuses control characters in a token name with a plain sentence", () => {
    const parsed = NewTokenInput.safeParse({ name: "ci\u0000", role: "viewer", lifetime: "30" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/no control characters/);
    expect(
      NewTokenInput.safeParse({ name: "ci – ü", role: "viewer", lifetime: "30" }).success,
    ).toBe(true);
  });
});

describe("choice messages", () => {
  it("name the field and its choices in words", () => {
    const parsed = NewTokenInput.safeParse({ name: "ci", role: "root", lifetime: "7" });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "Choose a role: viewer, analyst or admin.",
      "Choose when the token expires: in 30, 90 or 365 days, or never.",
    ]);
  });
});
