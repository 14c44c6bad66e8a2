import { describe, expect, it } from "vitest";
import { AlertFilter, parseAlertPage } from "./schemas";

describe("alert filters from a URL", () => {
  it("defaults to the last 24 hours of active alerts, newest first", () => {
    expect(parseAlertPage({})).toMatchObject({
      range: "24h",
      suppression: "active",
      sort: "eventTime",
      dir: "desc",
      page: 1,
    });
  });

  it("keeps valid parameters and drops only the invalid ones", () => {
    const page = parseAlertPage({ range: "all", severity: "bogus", page: "-3", actor: "alice" });
    expect(page).toMatchObject({ range: "all", actor: "alice", page: 1 });
    expect(page.severity).toBeUndefined();
  });

  it("drops a filter holding a NUL character instead of failing the page", () => {
    expect(parseAlertPage({ range: "all", q: "a\u0000b" }).q).toBeUndefined();
  });

  it("treats empty form fields as absent", () => {
    expect(parseAlertPage({ operation: "", source: "" }).source).toBeUndefined();
  });
});

describe("alert filters from the command line", () => {
  it("rejects an unknown severity instead of ignoring it", () => {
    expect(AlertFilter.safeParse({ severity: "bogus" }).success).toBe(false);
  });
});
