// Fills a database with a large, realistic data set for query measurements (issue 8, read side):
// the public sample logs are ingested and judged by the product itself, then their events and
// alerts are cloned in SQL until there are N events and M alerts, spread over 30 days.
//
//   DATABASE_URL=postgresql://… node scripts/seed-scale.mjs [--events 1000000] [--alerts 100000]
//                                                           [--end 2026-12-04T12:00:00Z]
//
// Meant for a database of its own (the bench's, or one started with `npm run db:start`): it adds
// rows and never deletes any. Clones keep each template's columns, Sentinel row and raw record;
// they differ in time, actor suffix, ids and keys, so the value distributions stay realistic.
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..");
const SPAN_DAYS = 30;
// Distinct actors per template: enough to make actor filters selective, few enough to group.
const ACTORS_PER_TEMPLATE = 40;

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    alerts: { type: "string", default: "100000" },
    end: { type: "string", default: new Date().toISOString() },
  },
});
const events = Number(values.events);
const alerts = Number(values.alerts);
const end = new Date(values.end);
if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to the database to fill");
if (!(events > 0 && alerts > 0 && alerts <= events) || Number.isNaN(end.getTime())) {
  throw new Error("--events and --alerts must be positive, alerts <= events; --end a date");
}

function tripline(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/tripline.mjs"), ...args], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
  });
}

const CLONE_EVENTS = `
  WITH template AS (
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM event WHERE dedup_key NOT LIKE '%#%'
  ), size AS (SELECT count(*) AS templates FROM template)
  INSERT INTO event (source_table, kind, event_time, operation, actor, actor_type, source_ip,
    source_host, account, region, user_agent, outcome, outcome_code, native_id, dedup_key,
    content_hash, correlation_id, sentinel, flags, raw)
  SELECT t.source_table, t.kind,
         $2::timestamptz - (i * ($3::float8 / $1)) * interval '1 second',
         t.operation, t.actor || '-' || ((i / s.templates) % ${ACTORS_PER_TEMPLATE}), t.actor_type,
         t.source_ip, t.source_host, t.account, t.region, t.user_agent, t.outcome,
         t.outcome_code, t.native_id || '#' || i, t.dedup_key || '#' || i, t.content_hash,
         t.correlation_id, t.sentinel, t.flags, t.raw
  FROM generate_series(1, $1::int) AS i
  CROSS JOIN size s
  JOIN template t ON t.n = i % s.templates`;

// Each alert of a template is copied onto clones of its event; which clones is spread evenly
// over the whole series so that every day holds its share of alerts.
const CLONE_ALERTS = `
  WITH template_event AS (
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM event WHERE dedup_key NOT LIKE '%#%'
  ), size AS (SELECT count(*) AS templates FROM template_event),
  candidate AS (
    SELECT a.*, c.id AS clone_id, c.event_time AS clone_time, c.actor AS clone_actor,
           row_number() OVER (ORDER BY (c.id * 2654435761) % 4294967296, a.id) AS pick
    FROM event c CROSS JOIN size s
    JOIN template_event te ON te.n = split_part(c.dedup_key, '#', 2)::bigint % s.templates
    JOIN alert a ON a.event_id = te.id AND a.group_key NOT LIKE '%#%'
    WHERE c.dedup_key LIKE '%#%'
  )
  INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table, operation,
    actor, actor_type, source_ip, account, outcome, severity, severity_rank, confidence,
    explanation, false_positive_notes, status, classification, closed_at, suppressed_by_id)
  SELECT rule, rule_version, group_key || '#' || clone_id, clone_id, clone_time, source_table,
         operation, clone_actor, actor_type, source_ip, account, outcome, severity, severity_rank,
         confidence, explanation, false_positive_notes,
         CASE WHEN pick % 20 = 0 THEN 'closed' WHEN pick % 7 = 0 THEN 'acknowledged'
              ELSE 'open' END,
         CASE WHEN pick % 20 = 0 THEN 'benign_positive' END,
         CASE WHEN pick % 20 = 0 THEN now() END,
         CASE WHEN pick % 10 = 3 THEN $2::uuid END
  FROM candidate WHERE pick <= $1`;

const ALLOWLIST = `
  INSERT INTO allowlist_entry (id, name, actor_pattern, actor_regex, reason, owner, expires_at)
  VALUES ($1, 'scale seed automation', 'seed-automation-*', '^seed-automation-.*$',
          'Rows marked suppressed by scripts/seed-scale.mjs', 'bench', now() + interval '1 year')
  ON CONFLICT (id) DO NOTHING`;
const ALLOWLIST_ID = "00000000-0000-4000-8000-5ca1e0000001";

async function main() {
  await tripline(["ingest", path.join(ROOT, "fixtures/samples")]).catch(() => undefined);
  await tripline(["detect"]);

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const started = performance.now();
    const templates = await client.query("SELECT count(*)::int AS n FROM event");
    const clones = Math.max(0, events - templates.rows[0].n);
    await client.query(CLONE_EVENTS, [clones, end, SPAN_DAYS * 86_400]);
    await client.query(ALLOWLIST, [ALLOWLIST_ID]);
    const existing = await client.query("SELECT count(*)::int AS n FROM alert");
    await client.query(CLONE_ALERTS, [Math.max(0, alerts - existing.rows[0].n), ALLOWLIST_ID]);
    await client.query("VACUUM (ANALYZE) event, alert");
    const counts = await client.query(
      "SELECT (SELECT count(*) FROM event) AS events, (SELECT count(*) FROM alert) AS alerts",
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const { events: e, alerts: a } = counts.rows[0];
    process.stdout.write(
      `seeded: ${e} events, ${a} alerts in ${seconds} s (ending ${values.end})\n`,
    );
  } finally {
    await client.end();
  }
}

await main();
