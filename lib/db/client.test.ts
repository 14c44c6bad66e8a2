import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { disconnect, pool } from "./client";

giveEachFileATestDatabase();

afterAll(async () => {
  await disconnect();
});

async function terminateBackend(pid: number): Promise<void> {
  const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await killer.connect();
  await killer.query("SELECT pg_terminate_backend($1)", [pid]);
  await killer.end();
}

describe("the shared pool", () => {
  it("survives the server ending a checked-out connection (57P01), then works on", async () => {
    const client = await pool().connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ended = new Promise<void>((resolve) => client.once("end", () => resolve()));
    // Unhandled, the client's "error" event would be an uncaught exception failing this file.
    await terminateBackend(rows[0]?.pid ?? 0);
    await ended;
    await expect(client.query("SELECT 1")).rejects.toThrow();
    client.release(true);

    const again = await pool().query<{ one: number }>("SELECT 1 AS one");
    expect(again.rows).toEqual([{ one: 1 }]);
  });

  it("survives the server ending an idle connection", async () => {
    const client = await pool().connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ended = new Promise<void>((resolve) => client.once("end", () => resolve()));
    client.release();
    await terminateBackend(rows[0]?.pid ?? 0);
    await ended;
    const again = await pool().query<{ one: number }>("SELECT 1 AS one");
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});
