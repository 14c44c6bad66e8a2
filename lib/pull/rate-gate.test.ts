import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { paced } from "./rate-gate";
import { claimRateSlot } from "./rate-slot-store";

giveEachFileATestDatabase();

const signal = new AbortController().signal;

describe("rate limits shared through the database", () => {
  it("waits for the slot another process claimed before calling", async () => {
    const key = `test:${randomUUID()}`;
    // Another server on the same database took the next 800 ms for this key.
    await pool().query(
      `INSERT INTO pull_rate_slot (key, next_at)
       VALUES ($1, clock_timestamp() + interval '800 ms')`,
      [key],
    );

    const started = performance.now();
    await paced(key, 500, signal, async () => undefined);

    expect(performance.now() - started).toBeGreaterThanOrEqual(750);
  });

  it("spaces claims made at once by the interval", async () => {
    const key = `test:${randomUUID()}`;
    const waits = await Promise.all([1, 2, 3].map(() => claimRateSlot(key, 500)));

    const sorted = [...waits].sort((a, b) => a - b);
    expect(sorted[0]).toBeLessThan(100);
    expect(sorted[1]).toBeGreaterThanOrEqual(400);
    expect(sorted[2]).toBeGreaterThanOrEqual(900);
  });

  it("a key nobody used lately starts at once", async () => {
    expect(await claimRateSlot(`test:${randomUUID()}`, 500)).toBe(0);
  });
});
