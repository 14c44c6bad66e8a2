import { beforeAll, describe, expect, it } from "vitest";
import { insertAlerts } from "../testing/alert-rows";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { EXACT_COUNT_LIMIT, EXACT_TEXT_COUNT_LIMIT } from "./count";
import { listAlerts } from "./queries";
import { AlertPage } from "./schemas";

giveEachFileATestDatabase();

const ALERTS = EXACT_COUNT_LIMIT + 2_000;

beforeAll(() => insertAlerts(ALERTS));

describe("alert counts", () => {
  it("are estimated and flagged beyond the exact limit", async () => {
    const list = await listAlerts(AlertPage.parse({ range: "all", suppression: "all" }));
    expect(list.totalEstimated).toBe(true);
    expect(list.total).toBeGreaterThan(EXACT_COUNT_LIMIT);
    // The planner's estimate of a freshly analysed table is close to the truth.
    expect(Math.abs(list.total - ALERTS)).toBeLessThan(ALERTS * 0.2);
  });

  it("are exact for tens of thousands of matches, past what an estimate would show", async () => {
    const list = await listAlerts(
      AlertPage.parse({ range: "all", suppression: "all", status: "open" }),
    );
    // i % 3 = 0: every third alert, over 30,000 of them.
    expect(Math.floor(ALERTS / 3)).toBeGreaterThan(30_000);
    expect(list).toMatchObject({ total: Math.floor(ALERTS / 3), totalEstimated: false });
  });

  it("stay estimated past the lower limit under a text filter, which is tested row by row", async () => {
    const list = await listAlerts(
      AlertPage.parse({ range: "all", suppression: "all", actor: "actor" }),
    );
    expect(list.totalEstimated).toBe(true);
    expect(list.total).toBeGreaterThan(EXACT_TEXT_COUNT_LIMIT);
  });

  it("are exact and unflagged when the filter leaves fewer", async () => {
    const list = await listAlerts(
      AlertPage.parse({ range: "all", suppression: "all", status: "open", severity: "critical" }),
    );
    // i % 3 = 0 and i % 4 = 0: every twelfth alert.
    expect(list).toMatchObject({ total: Math.floor(ALERTS / 12), totalEstimated: false });
  });
});
