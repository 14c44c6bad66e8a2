// Throughput benchmark (issue 8): generates a deterministic CloudTrail corpus as gzip delivery
// files, then measures on this machine, in one run: parsing alone, `tripline ingest` (events/s
// and peak RSS), the raw COPY ceiling of the same rows, the alerts page queries and the parity
// report, each printed next to its target (scripts/bench/ holds the parts).
//
//   npm run bench [-- --events 1000000 --files 100 --keep --port 5571]
//
// Everything lives in a temporary folder with an embedded PostgreSQL of its own (loopback only).
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { copyCeiling } from "./bench/ceiling.mjs";
import { generateCorpus, PARITY_AT } from "./bench/corpus.mjs";
import { databaseFacts, ingestCorpus, vacuumAnalyze } from "./bench/measure.mjs";
import { baseEnv, phase, run, startDatabase } from "./bench/processes.mjs";
import { formatInt, printReport } from "./bench/report.mjs";
import { serverCpuMeter } from "./bench/server-cpu.mjs";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    files: { type: "string", default: "100" },
    keep: { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PG_PORT ?? "5571" },
  },
});

async function bench() {
  const total = Number(values.events);
  const fileCount = Math.min(total, Number(values.files));
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(fileCount) || fileCount < 1) {
    throw new Error("--events and --files must be positive integers");
  }
  const folder = await mkdtemp(path.join(tmpdir(), "tripline-bench-"));
  // The embedded server runs as the `postgres` OS user when we are root: it must enter here.
  await chmod(folder, 0o755);
  const corpus = path.join(folder, "corpus");
  const step = (text) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
  let database = null;
  try {
    step(`generating ${formatInt(total)} events in ${fileCount} files under ${folder}`);
    const generated = await generateCorpus(corpus, total, fileCount);

    step("parse only");
    const parse = await phase("parse", baseEnv(), ["--dir", corpus]);

    step(`starting PostgreSQL on 127.0.0.1:${values.port}`);
    database = await startDatabase(folder, values.port);
    const env = { ...baseEnv(), DATABASE_URL: database.url };
    const serverCpu = await serverCpuMeter(path.join(folder, "data"));
    // As the server does at start: the rule versions are recorded on the empty store, so the
    // alerts the ingest raises are current and the parity report reads them.
    await run(["bin/tripline.mjs", "detect", "--json"], env);

    step("full ingest: tripline ingest --json");
    const ingest = await ingestCorpus(corpus, env, serverCpu);
    await vacuumAnalyze(database.url);

    step("COPY ceiling (CSV rows, as the issue measured it)");
    const copy = await copyCeiling(database.url, folder, "csv", serverCpu);
    await vacuumAnalyze(database.url);
    step("COPY ceiling (binary rows)");
    const copyBinary = await copyCeiling(database.url, folder, "binary", serverCpu);
    await vacuumAnalyze(database.url);

    step("alerts page queries");
    const queries = await phase("queries", env);
    step("parity report");
    const parity = await phase("parity", env, ["--at", PARITY_AT.toISOString()]);
    step("parity report from events (as while a rule version is re-applied)");
    const eventsArgs = ["--at", PARITY_AT.toISOString(), "--from", "events"];
    const parityFromEvents = await phase("parity", env, eventsArgs);
    const db = await databaseFacts(database.url);

    printReport({
      generated,
      parse,
      ingest,
      copy,
      copyBinary,
      queries,
      parity,
      parityFromEvents,
      db,
      total,
      fileCount,
    });
  } finally {
    if (database) await database.stop();
    if (values.keep) console.log(`kept ${folder}`);
    else await rm(folder, { recursive: true, force: true });
  }
}

await bench();
