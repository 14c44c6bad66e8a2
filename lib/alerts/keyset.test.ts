import { beforeAll, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { errorResponse } from "../http/error-response";
import { insertAlerts } from "../testing/alert-rows";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { type AlertRow, listAlerts } from "./queries";
import { AlertPage, SORTABLE_COLUMNS } from "./schemas";

giveEachFileATestDatabase();

const ALERTS = 137;
beforeAll(() => insertAlerts(ALERTS));

const ids = (rows: AlertRow[]) => rows.map((row) => row.id.toString());

/** The table's order, computed here from every row: the oracle the pages must follow. */
function expectedOrder(rows: AlertRow[], sort: string, dir: "asc" | "desc"): string[] {
  const sign = dir === "asc" ? 1 : -1;
  const key = (row: AlertRow): string | number => {
    if (sort === "severity") return -row.severityRank;
    return sort === "eventTime" ? row.eventTime.getTime() : String(row[sort as keyof AlertRow]);
  };
  const compare = (a: AlertRow, b: AlertRow): number => {
    const [x, y] = [key(a), key(b)];
    if (x !== y && sort !== "eventTime") return sign * (x < y ? -1 : 1);
    // Ties run against the sorted column: against the rank for severity, so with `dir`.
    const tieSign = sort === "eventTime" || sort === "severity" ? sign : -sign;
    const time = a.eventTime.getTime() - b.eventTime.getTime();
    if (time !== 0) return tieSign * time;
    return tieSign * (a.id < b.id ? -1 : 1);
  };
  return ids([...rows].sort(compare));
}

async function walk(base: AlertPage, toward: "next" | "previous", start?: string) {
  const pages: string[][] = [];
  let cursor = start;
  for (let guard = 0; guard < 50; guard++) {
    const position = cursor ? { [toward === "next" ? "after" : "before"]: cursor } : {};
    const list = await listAlerts({ ...base, ...position });
    pages.push(ids(list.rows));
    cursor = list[toward] ?? undefined;
    if (!cursor) return pages;
  }
  throw new Error("paging did not end");
}

describe("keyset pages", () => {
  const cases = SORTABLE_COLUMNS.flatMap((sort) => [
    { sort, dir: "asc" as const },
    { sort, dir: "desc" as const },
  ]);

  it.each(cases)("by $sort $dir give every alert once, in order, both ways", async (order) => {
    const base = AlertPage.parse({ range: "all", suppression: "all", pageSize: 10, ...order });
    const everything = await listAlerts({ ...base, pageSize: 200 });
    expect(everything.rows).toHaveLength(ALERTS);
    const expected = expectedOrder(everything.rows, order.sort, order.dir);
    expect(ids(everything.rows)).toEqual(expected);

    const forward = await walk(base, "next");
    expect(forward.flat()).toEqual(expected);
    expect(forward.slice(0, -1).every((page) => page.length === 10)).toBe(true);

    const last = await listAlerts({ ...base, before: undefined, after: undefined, page: 14 });
    const lastCursor = last.previous ?? undefined;
    const backward = await walk(base, "previous", lastCursor);
    expect([...backward.reverse().flat(), ...ids(last.rows)]).toEqual(expected);
  });

  it.each([
    [{ status: "open", sort: "actor" }, "status = 'open'"],
    [{ actor: "tor-1", sort: "operation", dir: "asc" }, "actor LIKE '%tor-1%'"],
    [{ q: "OP2", sort: "severity" }, "operation ILIKE '%op2%'"],
  ])("keep the filter %j while paging", async (filter, sql) => {
    const base = AlertPage.parse({ range: "all", suppression: "all", pageSize: 10, ...filter });
    const rows = (await walk(base, "next")).flat();
    const matching = await pool().query(`SELECT count(*)::int AS n FROM alert WHERE ${sql}`);
    expect(matching.rows[0].n).toBeGreaterThan(10);
    expect(rows).toHaveLength(matching.rows[0].n);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("refuse a cursor of another sort order with a 400, not a server error", async () => {
    const base = AlertPage.parse({ range: "all", suppression: "all", pageSize: 10 });
    const first = await listAlerts(base);
    const error = await listAlerts({ ...base, sort: "actor", after: first.next ?? "" }).catch(
      (e: unknown) => e,
    );
    expect(errorResponse(error).status).toBe(400);
  });
});

describe("counts", () => {
  it("are exact and said so below the threshold", async () => {
    const list = await listAlerts(AlertPage.parse({ range: "all", suppression: "all" }));
    expect(list).toMatchObject({ total: ALERTS, totalEstimated: false });
  });
});
