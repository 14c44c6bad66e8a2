import type pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { type EventToStore, writeEvents } from "./event-writer";
import { maintainEventPartitions, prepareEventPartitions, windowMonths } from "./partitions";
import type { NormalizedEvent } from "./types";

giveEachFileATestDatabase();

function item(nativeId: string, content: string, time: string): EventToStore {
  const event: NormalizedEvent = {
    table: "AWSCloudTrail",
    kind: "api_call",
    eventTime: new Date(time),
    operation: "CreateUser",
    actor: "alice",
    actorType: "IAMUser",
    sourceIp: null,
    sourceHost: "",
    account: "111122223333",
    region: "eu-west-1",
    userAgent: "",
    outcome: "success",
    outcomeCode: "",
    nativeId,
    correlationId: "",
    sentinel: {},
    flags: [],
  };
  return { event, raw: `{"id":"${nativeId}","c":"${content}"}`, contentHash: content };
}

async function placement(): Promise<Record<string, string>> {
  const rows = await pool().query<{ part: string; key: string }>(
    "SELECT tableoid::regclass::text AS part, dedup_key || '/' || content_hash AS key FROM event",
  );
  return Object.fromEntries(rows.rows.map((r) => [r.key, r.part]));
}

async function addAlert(eventId: bigint): Promise<void> {
  await pool().query(
    `INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table,
       operation, actor, actor_type, account, outcome, severity, severity_rank, confidence,
       explanation, false_positive_notes)
     SELECT 'r', 1, 'event:' || id, id, event_time, source_table, operation, actor, actor_type,
       account, outcome, 'low', 3, 'low', '', '[]' FROM event WHERE id = $1`,
    [eventId.toString()],
  );
}

let client: pg.PoolClient;

beforeEach(async () => {
  await pool().query("TRUNCATE alert, event CASCADE");
  client = await pool().connect();
});

afterEach(() => client.release());

describe("windowMonths", () => {
  it("names the first days of the months around now, in UTC, across a year's end", () => {
    const months = windowMonths(new Date("2026-12-31T23:30:00-05:00"));
    expect(months.map((m) => m.toISOString())).toEqual([
      "2026-12-01T00:00:00.000Z",
      "2027-01-01T00:00:00.000Z",
      "2027-02-01T00:00:00.000Z",
      "2027-03-01T00:00:00.000Z",
    ]);
  });
});

describe("maintainEventPartitions", () => {
  it("moves rows of new months out of the default partition, alerts and all", async () => {
    const stored = await writeEvents(
      client,
      [
        item("unreadable", "h1", "1970-01-01T00:00:00Z"),
        item("may", "h2", "2024-05-31T23:59:59.999Z"),
        item("june", "h3", "2024-06-01T00:00:00Z"),
        item("future", "h4", "2999-07-04T12:00:00Z"),
      ],
      null,
    );
    expect(Object.values(await placement())).toEqual(Array(4).fill("event_default"));
    for (const event of stored) await addAlert(event.id);

    await maintainEventPartitions(new Date("2024-06-10T00:00:00Z"));

    expect(await placement()).toEqual({
      "unreadable/h1": "event_y1970m01",
      "may/h2": "event_y2024m05",
      "june/h3": "event_y2024m06",
      "future/h4": "event_y2999m07",
    });
    const window = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class
       WHERE relname IN ('event_y2024m07', 'event_y2024m08')`,
    );
    expect(window.rows[0]?.n).toBe(2);
    const joined = await pool().query<{ n: number }>(
      `SELECT count(*)::int AS n FROM alert a
       JOIN event e ON e.id = a.event_id AND e.event_time = a.event_time`,
    );
    expect(joined.rows[0]?.n).toBe(4);
    // The key is back: an alert on a missing event is refused, and so is deleting its event.
    await expect(
      pool().query("DELETE FROM event WHERE id = $1", [stored[0]?.id.toString()]),
    ).rejects.toThrow(/foreign key/);
    await expect(
      pool().query(
        `INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table,
           operation, actor, actor_type, account, outcome, severity, severity_rank, confidence,
           explanation, false_positive_notes)
         VALUES ('r', 1, 'lost', 999999, now(), 't', 'o', 'a', 'u', 'c', 'ok', 'low', 3, 'low',
           '', '[]')`,
      ),
    ).rejects.toThrow(/foreign key/);
    await expect(
      pool().query(
        `UPDATE alert SET event_time = event_time + interval '1 second'
         WHERE event_id = $1`,
        [stored[1]?.id.toString()],
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it("still judges duplicates and id conflicts across partitions", async () => {
    await maintainEventPartitions(new Date("2024-06-10T00:00:00Z"));
    await writeEvents(client, [item("dup", "same", "2024-05-02T00:00:00Z")], null);
    const again = await writeEvents(
      client,
      [
        item("dup", "same", "2024-05-02T00:00:00Z"),
        item("clash", "one", "2024-05-03T00:00:00Z"),
        item("clash", "two", "2031-01-01T00:00:00Z"),
      ],
      null,
    );
    expect(again.map((e) => [e.index, e.idConflict])).toEqual([
      [1, true],
      [2, true],
    ]);
    const later = await writeEvents(client, [item("dup", "other", "1999-01-01T00:00:00Z")], null);
    expect(later.map((e) => e.idConflict)).toEqual([true]);
    const flags = await pool().query<{ key: string; id_conflict: boolean }>(
      "SELECT dedup_key || '/' || content_hash AS key, id_conflict FROM event ORDER BY 1",
    );
    expect(flags.rows).toEqual([
      { key: "clash/one", id_conflict: true },
      { key: "clash/two", id_conflict: true },
      { key: "dup/other", id_conflict: true },
      { key: "dup/same", id_conflict: true },
    ]);
  });

  it("lets two processes make the same months at once", async () => {
    await writeEvents(client, [item("a", "h", "2011-03-03T00:00:00Z")], null);
    const now = new Date("2020-01-15T00:00:00Z");
    const [first, second] = await Promise.all([
      maintainEventPartitions(now),
      maintainEventPartitions(now),
    ]);
    const made = [...(first ?? []), ...(second ?? [])].map((m) => m.toISOString()).sort();
    expect(made).toEqual([
      "2011-03-01T00:00:00.000Z",
      "2019-12-01T00:00:00.000Z",
      "2020-01-01T00:00:00.000Z",
      "2020-02-01T00:00:00.000Z",
      "2020-03-01T00:00:00.000Z",
    ]);
    expect(await placement()).toEqual({ "a/h": "event_y2011m03" });
  });

  it("leaves rows in the default partition while a file transaction is open", async () => {
    await client.query("BEGIN");
    await writeEvents(client, [item("open", "h", "2012-02-02T00:00:00Z")], null);
    const made = await maintainEventPartitions(new Date("2012-02-02T00:00:00Z"));
    expect(made).toEqual([]);
    await client.query("COMMIT");
    expect(await placement()).toEqual({ "open/h": "event_default" });
    await maintainEventPartitions(new Date("2012-02-02T00:00:00Z"));
    expect(await placement()).toEqual({ "open/h": "event_y2012m02" });
  });
});

describe("prepareEventPartitions", () => {
  it("makes a batch's months before the write, so its rows go straight to them", async () => {
    const times = [new Date("2015-03-04T05:00:00Z"), new Date("2015-04-01T00:00:00Z")];
    const made = await prepareEventPartitions(times);

    expect(made.map((m) => m.toISOString())).toEqual([
      "2015-03-01T00:00:00.000Z",
      "2015-04-01T00:00:00.000Z",
    ]);
    await writeEvents(client, [item("a", "1", "2015-03-04T05:00:00Z")], null);
    expect(await placement()).toEqual({ "a/1": "event_y2015m03" });
    expect(await prepareEventPartitions(times)).toEqual([]);
  });

  it("gives up on a busy table: the rows wait in the default partition", async () => {
    await client.query("BEGIN");
    await writeEvents(client, [item("busy", "h", "2016-06-06T00:00:00Z")], null);
    expect(await prepareEventPartitions([new Date("2016-07-07T00:00:00Z")])).toEqual([]);
    await client.query("COMMIT");
  });

  it("moves rows already waiting for the month, keeping their alerts", async () => {
    const [stored] = await writeEvents(client, [item("w", "1", "2017-01-02T00:00:00Z")], null);
    await addAlert(stored?.id as bigint);
    await prepareEventPartitions([new Date("2017-01-09T00:00:00Z")]);
    expect(await placement()).toEqual({ "w/1": "event_y2017m01" });
    const alerts = await pool().query("SELECT count(*)::int AS n FROM alert");
    expect(alerts.rows[0]).toEqual({ n: 1 });
  });
});
