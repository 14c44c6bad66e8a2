import { Writable } from "node:stream";
import pg from "pg";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { connectionErrorFields } from "./connection-error";

giveEachFileATestDatabase();

/** The error a pool emits when the server ends one of its idle connections. */
async function idleConnectionError(): Promise<{ error: Error; secretKey: number }> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const lost = new Promise<Error>((resolve) => pool.once("error", resolve));
  const client = await pool.connect();
  const pid = (client as unknown as { processID: number }).processID;
  const secretKey = (client as unknown as { secretKey: number }).secretKey;
  client.release();
  const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await killer.connect();
  await killer.query("SELECT pg_terminate_backend($1)", [pid]);
  await killer.end();
  const error = await lost;
  await pool.end();
  return { error, secretKey };
}

describe("connectionErrorFields", () => {
  it("logs a lost idle connection by message and code, without the client and its key", async () => {
    const { error, secretKey } = await idleConnectionError();
    expect((error as Error & { client?: unknown }).client).toBeDefined();

    let line = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        line += String(chunk);
        done();
      },
    });
    pino(sink).warn(connectionErrorFields(error), "idle database connection lost");
    const logged = JSON.parse(line);
    expect(logged.errorCode).toBe("57P01");
    expect(typeof logged.error).toBe("string");
    expect(line).not.toMatch(/secretKey|processID|client/);
    expect(line).not.toContain(String(secretKey));
  });
});
