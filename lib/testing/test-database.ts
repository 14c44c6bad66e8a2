import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnect } from "../db/client";
import { TEMPLATE_DATABASE, withDatabase } from "./vitest-global-setup";

/**
 * Gives the calling test file a database of its own, cloned from the migrated template, and
 * points this process's DATABASE_URL at it. Dropped after the file's tests.
 */
export function giveEachFileATestDatabase(): void {
  const name = `tripline_test_${randomBytes(6).toString("hex")}`;
  const adminUrl = inject("testAdminDatabaseUrl");

  beforeAll(async () => {
    await runAdmin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    process.env.DATABASE_URL = withDatabase(adminUrl, name);
  });

  afterAll(async () => {
    await disconnect();
    await runAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
