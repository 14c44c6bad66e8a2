// Measurements the benchmark takes from its own process: the ingest command and the database.
import pg from "pg";
import { run } from "./processes.mjs";

// Peak RSS and CPU time (all threads) of the ingest process, written as it exits.
const USAGE_HOOK =
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(" +
  "'BENCH_MAX_RSS_KB=' + u.maxRSS + ' BENCH_CPU_US=' + (u.userCPUTime + u.systemCPUTime) + " +
  "'\\n'); });";

/**
 * `tripline ingest --json <folder>`: wall time, counts, the process's own peak RSS and CPU time,
 * and the database server's CPU time meanwhile (`serverCpu`, or null where it cannot be read).
 */
export async function ingestCorpus(corpus, env, serverCpu) {
  const hook = `data:text/javascript,${encodeURIComponent(USAGE_HOOK)}`;
  const cpuBefore = await serverCpu?.();
  const result = await run(["--import", hook, "bin/tripline.mjs", "ingest", "--json", corpus], env);
  const cpuAfter = await serverCpu?.();
  const lines = result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const files = lines.filter((line) => "file" in line);
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  const cpuUs = Number(/BENCH_CPU_US=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return {
    seconds: result.seconds,
    stored: sum("stored"),
    rejected: sum("rejected"),
    failed: files.filter((file) => file.status === "failed").length,
    alerts: sum("alerts"),
    peakMb: rssKb / 1024,
    cpuSeconds: cpuUs / 1e6,
    serverCpuSeconds: cpuBefore === undefined ? null : cpuAfter - cpuBefore,
  };
}

export async function databaseFacts(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await client.query("SHOW server_version");
    const counts = await client.query(
      "SELECT (SELECT count(*) FROM event) AS events, (SELECT count(*) FROM alert) AS alerts",
    );
    const job = await client.query(
      "SELECT duration_ms FROM ingest_job ORDER BY created_at DESC LIMIT 1",
    );
    return {
      version: version.rows[0].server_version,
      events: Number(counts.rows[0].events),
      alerts: Number(counts.rows[0].alerts),
      jobSeconds: Number(job.rows[0]?.duration_ms ?? Number.NaN) / 1000,
    };
  } finally {
    await client.end();
  }
}

/** Settles the tables as autovacuum would after a large load, so that each measure starts even. */
export async function vacuumAnalyze(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE) event, alert");
  } finally {
    await client.end();
  }
}
