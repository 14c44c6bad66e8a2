import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import type { ParityReportRow } from "../detection/rules/sentinel-query";
import { redetect } from "../redetect/redetect";
import { giveEachFileATestDatabase } from "../testing/test-database";
import {
  type EventVector,
  eventVectors,
  sentinelRowEvent,
  storeEvents,
  storeVectorEvents,
} from "../testing/vector-events";
import { parityReportRows } from "./report";
import { paritySource } from "./source";

giveEachFileATestDatabase();

const { now, events: vectors } = eventVectors();

async function report(at: Date): Promise<ParityReportRow[]> {
  const rows: ParityReportRow[] = [];
  for await (const row of parityReportRows(at)) rows.push(row);
  return rows;
}

/** The row spec/detection.md section 3 says Sentinel projects for a vector's table. */
function projected({ table, TimeGenerated, fields }: EventVector): ParityReportRow {
  const value = (column: string) => fields[column] ?? "";
  return {
    TimeGenerated: new Date(TimeGenerated).toISOString(),
    OperationName: table === "AWSCloudTrail" ? "CloudTrail" : value("OperationName"),
    Identity: table === "AuditLogs" ? value("Identity") : "",
    CallerIpAddress: table === "AzureActivity" ? value("CallerIpAddress") : "",
    ResultType: table === "AuditLogs" ? value("ResultType") : "",
    ResultDescription: table === "AuditLogs" ? value("ResultDescription") : "",
  };
}

const byContent = (a: ParityReportRow, b: ParityReportRow) =>
  JSON.stringify(a).localeCompare(JSON.stringify(b));

function expectNewestFirst(rows: readonly ParityReportRow[]): void {
  const times = rows.map((row) => row.TimeGenerated);
  expect(times).toEqual([...times].sort().reverse());
}

describe("parity report over the vectors", () => {
  const expected = vectors.filter((v) => v.sentinelParity).map(projected);

  beforeAll(async () => {
    await storeVectorEvents(vectors);
  });

  it("judges stored events when no rule version has been applied", async () => {
    expect(await paritySource()).toBe("events");
    const rows = await report(now);
    expectNewestFirst(rows);
    expect([...rows].sort(byContent)).toEqual([...expected].sort(byContent));
  });

  it("reads the parity alerts once re-evaluation has applied the version, with the same rows", async () => {
    const before = await report(now);
    await redetect();
    expect(await paritySource()).toBe("alerts");
    expect(await report(now)).toEqual(before);
  });

  it("still shows an event whose alert an analyst closed", async () => {
    await pool().query(
      `UPDATE alert SET status = 'closed', classification = 'false_positive'
       WHERE rule = 'sentinel-parity'`,
    );
    expect((await report(now)).sort(byContent)).toEqual([...expected].sort(byContent));
  });

  it("falls back to the events when the recorded version is not the code's", async () => {
    await pool().query("UPDATE rule_state SET version = 999 WHERE rule = 'sentinel-parity'");
    expect(await paritySource()).toBe("events");
    expect((await report(now)).sort(byContent)).toEqual([...expected].sort(byContent));
    await pool().query("DELETE FROM rule_state");
  });
});

describe("the run window (T-24h, T]", () => {
  const at = new Date("2030-01-01T00:00:00.000Z");
  const day = 24 * 60 * 60 * 1000;
  const times = {
    exactlyADayOld: new Date(at.getTime() - day),
    justInside: new Date(at.getTime() - day + 1),
    atTheRun: at,
    afterTheRun: new Date(at.getTime() + 1),
  };

  beforeEach(async () => {
    await pool().query("TRUNCATE alert, event, rule_state CASCADE");
    await storeEvents(
      Object.values(times).map((time) =>
        sentinelRowEvent("AWSCloudTrail", time.toISOString(), {
          EventName: "CreateUser",
          UserIdentityType: "IAMUser",
        }),
      ),
    );
  });

  const expectedTimes = [times.atTheRun, times.justInside].map((t) => t.toISOString());

  it("keeps the newest event up to T and drops one exactly 24 hours old, from events", async () => {
    expect((await report(at)).map((r) => r.TimeGenerated)).toEqual(expectedTimes);
  });

  it("gives the same rows from alerts, leaving out an alert closed as rule changed", async () => {
    await redetect();
    expect(await paritySource()).toBe("alerts");
    expect((await report(at)).map((r) => r.TimeGenerated)).toEqual(expectedTimes);

    await pool().query(
      `UPDATE alert SET status = 'closed', resolution = 'rule_changed'
       WHERE rule = 'sentinel-parity' AND event_time = $1`,
      [times.atTheRun],
    );
    expect((await report(at)).map((r) => r.TimeGenerated)).toEqual(expectedTimes.slice(1));
  });
});
