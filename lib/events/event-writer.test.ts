import type pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { type EventToStore, writeEvents } from "./event-writer";
import type { NormalizedEvent } from "./types";

giveEachFileATestDatabase();

function item(nativeId: string | null, content: string, flags: string[] = []): EventToStore {
  const event: NormalizedEvent = {
    table: "AWSCloudTrail",
    kind: "api_call",
    eventTime: new Date("2024-05-01T10:00:00Z"),
    operation: "CreateUser",
    actor: "alice\tthe\\admin",
    actorType: "IAMUser",
    sourceIp: "203.0.113.9",
    sourceHost: "",
    account: "111122223333",
    region: "eu-west-1",
    userAgent: "line one\nline two",
    outcome: "success",
    outcomeCode: "",
    nativeId,
    correlationId: "",
    sentinel: { EventName: "CreateUser", Note: 'quote " and \\ slash' },
    flags: flags as NormalizedEvent["flags"],
  };
  return { event, raw: `{"id":"${nativeId}","c":"${content}"}`, contentHash: content };
}

let client: pg.PoolClient;

beforeEach(async () => {
  await pool().query("TRUNCATE alert, event CASCADE");
  client = await pool().connect();
});

afterEach(() => client.release());

async function storedRows() {
  const result = await client.query<{
    dedup_key: string;
    content_hash: string;
    id_conflict: boolean;
  }>("SELECT dedup_key, content_hash, id_conflict FROM event ORDER BY dedup_key, content_hash");
  return result.rows;
}

describe("writeEvents", () => {
  it("stores every column as given, escapes included", async () => {
    const stored = await writeEvents(client, [item("a", "h1", ["nul_replaced"])], null);

    expect(stored).toEqual([{ id: expect.any(BigInt), index: 0, idConflict: false }]);
    const row = (await client.query("SELECT * FROM event")).rows[0];
    expect(row).toMatchObject({
      actor: "alice\tthe\\admin",
      user_agent: "line one\nline two",
      source_ip: "203.0.113.9",
      sentinel: { EventName: "CreateUser", Note: 'quote " and \\ slash' },
      flags: ["nul_replaced"],
      raw: '{"id":"a","c":"h1"}',
      event_time: new Date("2024-05-01T10:00:00Z"),
    });
  });

  it("skips duplicates in the batch and already stored, reporting the first of each", async () => {
    await writeEvents(client, [item("a", "h1")], null);
    const stored = await writeEvents(
      client,
      [item("a", "h1"), item("b", "h2"), item("b", "h2")],
      null,
    );

    expect(stored.map((s) => s.index)).toEqual([1]);
    expect(await storedRows()).toHaveLength(2);
  });

  it("keeps the same id with other content and flags every such row", async () => {
    await writeEvents(client, [item("a", "h1"), item("c", "h5")], null);
    const stored = await writeEvents(
      client,
      [item("a", "h2"), item("b", "h3"), item("b", "h4"), item("c", "h5")],
      null,
    );

    expect(stored.map((s) => [s.index, s.idConflict])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    expect(await storedRows()).toEqual([
      { dedup_key: "a", content_hash: "h1", id_conflict: true },
      { dedup_key: "a", content_hash: "h2", id_conflict: true },
      { dedup_key: "b", content_hash: "h3", id_conflict: true },
      { dedup_key: "b", content_hash: "h4", id_conflict: true },
      { dedup_key: "c", content_hash: "h5", id_conflict: false },
    ]);
  });

  it("judges a record without a native id by its digest", async () => {
    const stored = await writeEvents(client, [item(null, "h1"), item(null, "h1")], null);

    expect(stored).toHaveLength(1);
    expect((await storedRows())[0]?.dedup_key).toBe("sha256:h1");
  });

  it("works outside a transaction and again inside one that rolls back", async () => {
    await writeEvents(client, [item("a", "h1")], null);
    await client.query("BEGIN");
    await writeEvents(client, [item("b", "h2")], null);
    await client.query("ROLLBACK");
    await writeEvents(client, [item("c", "h3")], null);

    expect((await storedRows()).map((r) => r.dedup_key)).toEqual(["a", "c"]);
  });
});
