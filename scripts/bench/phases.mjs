// The parts of the benchmark that call lib/ directly, each run as a child under tsx:
//   node --import tsx scripts/bench/phases.mjs --phase parse|queries|parity [--dir D] [--at T]
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DAY_MS, PARITY_AT } from "./corpus.mjs";

const { values } = parseArgs({
  options: { phase: { type: "string" }, dir: { type: "string" }, at: { type: "string" } },
});

async function parsePhase(dir) {
  const { openLogFile } = await import("../../lib/ingest/open-log-file.ts");
  const names = (await readdir(dir)).sort();
  let events = 0;
  let rejected = 0;
  const started = performance.now();
  for (const name of names) {
    const logFile = await openLogFile(createReadStream(path.join(dir, name)));
    for await (const record of logFile.records) {
      if (record.kind === "event") events += 1;
      else rejected += 1;
    }
  }
  return { events, rejected, seconds: (performance.now() - started) / 1000 };
}

const TIMED_RUNS = 25;
const WARM_UPS = 3;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** listAlerts on first and last pages, unfiltered and with two kinds of filters. */
async function queriesPhase() {
  const { listAlerts } = await import("../../lib/alerts/queries.ts");
  const { AlertPage } = await import("../../lib/alerts/schemas.ts");
  const { disconnect } = await import("../../lib/db/client.ts");
  const day = { from: new Date(PARITY_AT.getTime() - DAY_MS), to: PARITY_AT };
  const filters = [
    ["no filter", {}],
    ["operation ~CreateUser + open", { operation: "CreateUser", status: "open" }],
    ["24 h window + source", { ...day, source: "AWSCloudTrail" }],
  ];
  const cases = [];
  try {
    for (const [label, filter] of filters) {
      const base = { range: "all", ...filter };
      const { total } = await listAlerts(AlertPage.parse(base));
      const lastPage = Math.min(100_000, Math.max(1, Math.ceil(total / 50)));
      for (const [where, page] of [
        ["first page", 1],
        ["last page", lastPage],
      ]) {
        const request = AlertPage.parse({ ...base, page });
        const times = [];
        for (let i = 0; i < WARM_UPS + TIMED_RUNS; i++) {
          const started = performance.now();
          await listAlerts(request);
          if (i >= WARM_UPS) times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        cases.push({
          label: `${label}, ${where} (${page})`,
          total,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
        });
      }
    }
  } finally {
    await disconnect();
  }
  return cases;
}

/** The parity report as CSV at `at`, drained three times; the median run is reported. */
async function parityPhase(at) {
  const { parityReportRows } = await import("../../lib/parity/report.ts");
  const { parityCsv } = await import("../../lib/parity/format.ts");
  const { paritySource } = await import("../../lib/parity/source.ts");
  const { disconnect } = await import("../../lib/db/client.ts");
  try {
    const source = await paritySource();
    const runs = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      let rows = 0;
      for await (const _chunk of parityCsv(parityReportRows(new Date(at)))) rows += 1;
      runs.push({ rows, seconds: (performance.now() - started) / 1000 });
    }
    runs.sort((a, b) => a.seconds - b.seconds);
    return { source, ...runs[1] };
  } finally {
    await disconnect();
  }
}

async function runPhase(name) {
  const result =
    name === "parse"
      ? await parsePhase(values.dir)
      : name === "queries"
        ? await queriesPhase()
        : name === "parity"
          ? await parityPhase(values.at)
          : null;
  if (result === null) throw new Error(`unknown phase ${name}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await runPhase(values.phase);
