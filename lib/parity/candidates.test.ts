import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { foldCase } from "../detection/kusto/has";
import { PARITY_LEGS } from "../detection/rules/sentinel-parity";
import { type ParityReportRow, sentinelQueryReturns } from "../detection/rules/sentinel-query";
import type { EventToStore } from "../events/event-writer";
import { SOURCE_TABLES } from "../events/types";
import { everyCodePoint } from "../testing/code-points";
import { FIXTURES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { sentinelRowEvent, storeEvents } from "../testing/vector-events";
import { FOLDS_INTO_ASCII } from "./candidates";
import { parityReportRows } from "./report";
import { paritySource } from "./source";

giveEachFileATestDatabase();

describe("the code points the SQL candidate test folds", () => {
  it("are every code point outside ASCII whose case fold is ASCII", () => {
    const found: Record<string, string> = {};
    for (const char of everyCodePoint(0x80)) {
      const folded = foldCase(char);
      const ascii = folded.length === 1 && folded.charCodeAt(0) < 0x80;
      if (folded !== char && ascii) found[char] = folded;
    }
    expect(found).toEqual(FOLDS_INTO_ASCII);
  });
});

const HasFile = z.object({ vectors: z.array(z.object({ haystack: z.string() })) });

/** Every haystack of the has() vectors, and names only case folding makes suspicious. */
function suspectNames(): string[] {
  const text = readFileSync(path.join(FIXTURES_DIR, "vectors/has.json"), "utf8");
  const haystacks = HasFile.parse(JSON.parse(text)).vectors.map((v) => v.haystack);
  const folded = [
    "CREATEUSER",
    "createuser",
    "CreateU\u017fer",
    "Create\u212aeyPair",
    "GetSess\u0131onToken",
    "Invite\u0130User",
    "CreateUserX",
    "Microsoft.Authorization/ROLEASSIGNMENTS/WRITE",
    "Microsoft.DocumentDB/sqlRoleAssignments/write",
    "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE",
    "Group_AddMember",
    "100%_AddMember",
  ];
  return [...haystacks, ...folded].filter((name) => name.trim() !== "");
}

describe("the parity report from events", () => {
  const at = new Date("2030-01-01T00:00:00.000Z");
  const items: EventToStore[] = [];

  beforeAll(async () => {
    let second = 0;
    for (const table of SOURCE_TABLES) {
      for (const name of suspectNames()) {
        second += 1;
        const time = new Date(at.getTime() - second * 1000).toISOString();
        const fields = { [PARITY_LEGS[table].column]: name, UserIdentityType: "IAMUser" };
        items.push(sentinelRowEvent(table, time, fields));
      }
    }
    await storeEvents(items);
  });

  it("returns exactly the events the predicate returns, though SQL picks the candidates", async () => {
    expect(await paritySource()).toBe("events");
    const expected = items.filter(({ event }) =>
      sentinelQueryReturns(
        { table: event.table, timeGenerated: event.eventTime, row: event.sentinel },
        at,
      ),
    );
    const rows: ParityReportRow[] = [];
    for await (const row of parityReportRows(at)) rows.push(row);

    const times = (list: string[]) => [...list].sort();
    expect(times(rows.map((row) => row.TimeGenerated))).toEqual(
      times(expected.map(({ event }) => event.eventTime.toISOString())),
    );
    // Every table, and both folded and unfolded spellings, are among them.
    expect(expected.length).toBeGreaterThan(3 * 12);
  });
});
