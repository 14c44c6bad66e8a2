// The COPY ceiling: the same rows, pre-made as CSV (or binary COPY), loaded by two parallel sessions.
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

// The columns event-writer.ts stores; id, id_conflict and ingested_at take their defaults.
const EVENT_COLUMNS =
  "source_table, kind, event_time, operation, actor, actor_type, source_ip, source_host, " +
  "account, region, user_agent, outcome, outcome_code, native_id, dedup_key, content_hash, " +
  "correlation_id, sentinel, flags, raw, ingest_file_id";
const exportHalves = (format) => [
  `COPY (SELECT ${EVENT_COLUMNS} FROM event WHERE id % 2 = 0 ORDER BY id) TO STDOUT (FORMAT ${format})`,
  `COPY (SELECT ${EVENT_COLUMNS} FROM event WHERE id % 2 = 1 ORDER BY id) TO STDOUT (FORMAT ${format})`,
];

/**
 * The ceiling: the rows Tripline stored, exported beforehand as `format` ("csv" as in the issue's
 * measure, or "binary"), loaded by two parallel sessions into an empty copy of the event table
 * (same columns, defaults, indexes, partitioning). `serverCpu` (or null) reads the server's CPU
 * seconds, taken around the load.
 */
export async function copyCeiling(url, folder, format, serverCpu) {
  const halves = exportHalves(format);
  const files = halves.map((_, i) => path.join(folder, `event-rows-${i}.${format}`));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await Promise.all(halves.map((sql, i) => exportRows(url, sql, files[i])));
    await admin.query("DROP TABLE IF EXISTS bench_event_copy");
    await admin.query("DROP SEQUENCE IF EXISTS bench_event_copy_id_seq");
    // Partitioned as event is; the rows go to one partition, as a month's rows do.
    await admin.query(
      "CREATE TABLE bench_event_copy (LIKE event INCLUDING ALL) PARTITION BY RANGE (event_time)",
    );
    await admin.query("CREATE TABLE bench_event_copy_all PARTITION OF bench_event_copy DEFAULT");
    await admin.query("CREATE SEQUENCE bench_event_copy_id_seq OWNED BY bench_event_copy.id");
    await admin.query(
      "ALTER TABLE bench_event_copy ALTER COLUMN id SET DEFAULT nextval('bench_event_copy_id_seq')",
    );
    await admin.query("CHECKPOINT");

    const cpuBefore = await serverCpu?.();
    const started = performance.now();
    const rows = await Promise.all(files.map((file) => loadRows(url, file, format)));
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await serverCpu?.();
    const serverCpuSeconds = cpuBefore === undefined ? null : cpuAfter - cpuBefore;
    return { format, rows: rows.reduce((a, b) => a + b, 0), seconds, serverCpuSeconds };
  } finally {
    await admin.query("DROP TABLE IF EXISTS bench_event_copy").catch(() => undefined);
    await admin.end();
    await Promise.all(files.map((file) => rm(file, { force: true })));
  }
}

async function exportRows(url, sql, file) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await pipeline(client.query(copyTo(sql)), createWriteStream(file));
  } finally {
    await client.end();
  }
}

async function loadRows(url, file, format) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const copy = client.query(
      copyFrom(`COPY bench_event_copy (${EVENT_COLUMNS}) FROM STDIN (FORMAT ${format})`),
    );
    await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), copy);
    return copy.rowCount;
  } finally {
    await client.end();
  }
}
