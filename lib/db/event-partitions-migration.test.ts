import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../testing/vitest-global-setup";

const DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
const PARTITIONS = "20261205070000_event_partitions";
const adminUrl = inject("testAdminDatabaseUrl");
const name = `tripline_test_${randomBytes(6).toString("hex")}`;
let client: pg.Client;

function sqlOf(folder: string): string {
  return readFileSync(path.join(DIR, folder, "migration.sql"), "utf8");
}

const SEED_EVENTS = `
  INSERT INTO event (source_table, kind, event_time, operation, actor, actor_type, source_host,
    account, region, user_agent, outcome, outcome_code, dedup_key, content_hash, correlation_id,
    sentinel, raw)
  SELECT 't', 'k', at, 'op', 'a', 'u', '', 'acct', '', '', 'ok', '', 'key' || n, 'h' || n, '',
    '{}', 'raw' || n
  FROM (VALUES (1, '2024-05-03T10:00:00Z'::timestamptz), (2, '2024-05-31T23:59:59.999Z'),
    (3, '1970-01-01T00:00:00Z'), (4, '2999-12-01T00:00:00Z')) AS v(n, at)`;

// The grouped alert's time lags its event's, as no writer should leave it: the migration mends it.
const SEED_ALERTS = `
  INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table,
    operation, actor, actor_type, account, outcome, severity, severity_rank, confidence,
    explanation, false_positive_notes)
  SELECT 'r', 1, CASE WHEN id = 2 THEN 'op:x' ELSE 'event:' || id END, id,
    CASE WHEN id = 2 THEN event_time - interval '1 hour' ELSE event_time END,
    't', 'op', 'a', 'u', 'acct', 'ok', 'low', 3, 'low', '', '[]'
  FROM event`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  client = new pg.Client({ connectionString: withDatabase(adminUrl, name) });
  await client.connect();
  const earlier = readdirSync(DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name < PARTITIONS)
    .map((entry) => entry.name)
    .sort();
  for (const folder of earlier) await client.query(sqlOf(folder));
  await client.query(SEED_EVENTS);
  await client.query(SEED_ALERTS);
  await client.query(sqlOf(PARTITIONS));
});

afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe(`migration ${PARTITIONS}`, () => {
  it("carries every stored event into the partition of its month", async () => {
    const rows = await client.query<{ id: string; part: string; raw: string }>(
      "SELECT id::text, tableoid::regclass::text AS part, raw FROM event ORDER BY id",
    );
    expect(rows.rows).toEqual([
      { id: "1", part: "event_y2024m05", raw: "raw1" },
      { id: "2", part: "event_y2024m05", raw: "raw2" },
      { id: "3", part: "event_y1970m01", raw: "raw3" },
      { id: "4", part: "event_y2999m12", raw: "raw4" },
    ]);
    const old = await client.query("SELECT to_regclass('event_old') AS old");
    expect(old.rows[0]?.old).toBeNull();
  });

  it("keeps the id sequence and puts new months in the default partition", async () => {
    const added = await client.query<{ id: string; part: string }>(
      `${SEED_EVENTS.replace("'key' || n", "'new' || n")} RETURNING id::text,
       tableoid::regclass::text AS part`,
    );
    expect(added.rows.map((r) => r.id)).toEqual(["5", "6", "7", "8"]);
    await client.query("DELETE FROM event WHERE dedup_key LIKE 'new%'");
    const later = await client.query<{ part: string }>(
      `${SEED_EVENTS.replace("'key' || n", "'later' || n").replace(
        "'1970-01-01T00:00:00Z'",
        "'2040-01-01T00:00:00Z'",
      )} RETURNING tableoid::regclass::text AS part`,
    );
    expect(later.rows.map((r) => r.part)).toContain("event_default");
  });

  it("ties every alert to its event by id and time", async () => {
    const alerts = await client.query<{ group_key: string; same: boolean }>(
      `SELECT a.group_key, a.event_time = e.event_time AS same
       FROM alert a JOIN event e ON e.id = a.event_id ORDER BY a.event_id`,
    );
    expect(alerts.rows.every((r) => r.same)).toBe(true);
    expect(alerts.rows).toHaveLength(4);
    const key = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conname = 'alert_event_id_event_time_fkey'`,
    );
    expect(key.rows[0]?.def).toContain(
      "FOREIGN KEY (event_id, event_time) REFERENCES event(id, event_time)",
    );
  });
});
