// The parts of the benchmark that call lib/ directly, each run as a child under tsx:
//   node --import tsx scripts/bench/phases.mjs --phase parse|queries|parity [--dir D] [--at T]
//     [--from events]
import { createReadStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DAY_MS, PARITY_AT } from "./corpus.mjs";

const { values } = parseArgs({
  options: {
    phase: { type: "string" },
    dir: { type: "string" },
    at: { type: "string" },
    from: { type: "string" },
  },
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

/** The alerts page query on the first and last pages (the last opened by its keyset cursor). */
async function queriesPhase() {
  const { timeAlertsPage } = await import("../../lib/alerts/page-timing.ts");
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
      const view = AlertPage.parse({ range: "all", ...filter });
      for (const [where, offset] of [
        ["first page", 0],
        ["last page", "last"],
      ]) {
        const timing = await timeAlertsPage(view, { offset });
        cases.push({
          label: `${label}, ${where} (${timing.page})`,
          total: timing.total,
          p50: timing.p50,
          p95: timing.p95,
        });
      }
    }
  } finally {
    await disconnect();
  }
  return cases;
}

// Marks the parity rule's recorded version as stale, as while a new version is being re-applied:
// the report then judges every stored event of the window instead of reading the rule's alerts.
const STALE_SHIFT = 1000;
const shiftParityVersion = (shift) =>
  `UPDATE rule_state SET version = version + (${shift}) WHERE rule = 'sentinel-parity'`;

/**
 * The parity report as CSV at `at`, drained three times; the median run is reported. With
 * `fromEvents`, the rule's version is marked stale for the run and restored after it.
 */
async function parityPhase(at, fromEvents) {
  const { parityReportRows } = await import("../../lib/parity/report.ts");
  const { parityCsv } = await import("../../lib/parity/format.ts");
  const { paritySource } = await import("../../lib/parity/source.ts");
  const { disconnect, pool } = await import("../../lib/db/client.ts");
  if (fromEvents) await pool().query(shiftParityVersion(STALE_SHIFT));
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
    if (fromEvents) await pool().query(shiftParityVersion(-STALE_SHIFT));
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
          ? await parityPhase(values.at, values.from === "events")
          : null;
  if (result === null) throw new Error(`unknown phase ${name}`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await runPhase(values.phase);
