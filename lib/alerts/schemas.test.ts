import { describe, expect, it } from "vitest";
import { AlertFilter, alertDateProblem, parseAlertPage, parseAlertPageStrict } from "./schemas";

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

describe("out-of-range dates", () => {
  const farPast = "-271821-04-20T00:00:00Z";

  it("drops a date the database cannot hold from a page link", () => {
    expect(parseAlertPage({ range: "all", from: farPast }).from).toBeUndefined();
    expect(parseAlertPage({ to: "+275760-09-13T00:00:00Z" }).to).toBeUndefined();
  });

  it("refuses it on the API with a message naming the parameter", () => {
    expect(() => parseAlertPageStrict({ from: farPast })).toThrow(/^from: .*1970 and 9999/);
    expect(() => parseAlertPageStrict({ to: "soon" })).toThrow(/^to: Give a date and time such as/);
    expect(parseAlertPageStrict({ from: "2026-01-01T00:00:00Z" }).from?.getUTCFullYear()).toBe(
      2026,
    );
  });

  it("is named for the alerts page, which says so instead of widening the view", () => {
    expect(alertDateProblem({ from: farPast })).toMatch(/^from: Give a date between/);
    expect(alertDateProblem({ to: ["later", "x"] })).toMatch(/^to: /);
    expect(alertDateProblem({ from: "2026-01-01", to: "" })).toBeNull();
  });

  it("refuses it on the command line and in exports", () => {
    const parsed = AlertFilter.safeParse({ from: farPast });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["from"]);
  });
});

describe("messages for people", () => {
  it("lists the choices in words instead of schema internals", () => {
    const parsed = AlertFilter.safeParse({ severity: "bogus", status: "gone" });
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      "Choose a status: open, acknowledged or closed.",
      "Choose a severity: critical, high, medium or low.",
    ]);
  });
});
