// The benchmark's printed report: each figure next to its target.
import { availableParallelism } from "node:os";
import { PARITY_AT } from "./corpus.mjs";

export const TARGET = { copyShare: 0.6, rssMb: 512, alertsP95Ms: 50, paritySeconds: 1 };

export const formatInt = (n) => Math.round(n).toLocaleString("en-US");
const verdict = (met) => (met ? "met" : "NOT MET");

export function printReport(facts) {
  const { parse, ingest, copy, copyBinary, queries, parity, parityFromEvents } = facts;
  const parseRate = parse.events / parse.seconds;
  const ingestRate = ingest.stored / ingest.seconds;
  const copyRate = copy.rows / copy.seconds;
  const share = ingestRate / copyRate;
  const binaryRate = copyBinary.rows / copyBinary.seconds;
  const rows = [
    ["parse only (openLogFile, no DB)", `${formatInt(parseRate)} events/s`, "", ""],
    [
      "full ingest (tripline ingest --json)",
      `${formatInt(ingestRate)} events/s`,
      `>= ${formatInt(copyRate * TARGET.copyShare)} events/s`,
      "",
    ],
    ["COPY ceiling (2 sessions)", `${formatInt(copyRate)} events/s`, "", ""],
    [
      "full ingest / COPY ceiling",
      `${(share * 100).toFixed(1)} %`,
      `>= ${TARGET.copyShare * 100} %`,
      verdict(share >= TARGET.copyShare),
    ],
    ["COPY ceiling, binary rows (2 sessions)", `${formatInt(binaryRate)} events/s`, "", ""],
    [
      "full ingest / binary COPY ceiling",
      `${((ingestRate / binaryRate) * 100).toFixed(1)} %`,
      "",
      "",
    ],
    [
      "peak RSS of the ingest process",
      `${ingest.peakMb.toFixed(0)} MB`,
      `<= ${TARGET.rssMb} MB`,
      verdict(ingest.peakMb <= TARGET.rssMb),
    ],
    ...queries.map((q) => [
      `alerts ${q.label}`,
      `p50 ${q.p50.toFixed(1)} / p95 ${q.p95.toFixed(1)} ms`,
      `p95 <= ${TARGET.alertsP95Ms} ms`,
      verdict(q.p95 <= TARGET.alertsP95Ms),
    ]),
    ...[parity, parityFromEvents].map((run) => [
      `parity report at ${PARITY_AT.toISOString().slice(0, 16)}Z`,
      `${(run.seconds * 1000).toFixed(0)} ms (${formatInt(run.rows)} rows, ${run.source})`,
      `<= ${TARGET.paritySeconds} s`,
      verdict(run.seconds <= TARGET.paritySeconds),
    ]),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  printFacts(facts);
  console.log("");
  for (const row of rows) {
    const cells = row.slice(0, 3).map((cell, c) => cell.padEnd(widths[c]));
    console.log(`${cells.join("  ")}  ${row[3]}`.trimEnd());
  }
  const verdicts = rows.filter((r) => r[3] !== "");
  const met = verdicts.filter((r) => r[3] === "met").length;
  console.log("");
  console.log(`targets met: ${met} of ${verdicts.length}`);
}

/** What was measured on what: the corpus, the store, the machine, the times and the CPU split. */
function printFacts({ generated, parse, ingest, copy, copyBinary, db, total, fileCount }) {
  const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
  console.log("");
  console.log(
    `corpus: ${formatInt(total)} CloudTrail events in ${fileCount} gzip files ` +
      `(${mb(generated.jsonBytes)} JSON, ${mb(generated.gzipBytes)} gzip), ` +
      `${((generated.watched / total) * 100).toFixed(1)} % watched names`,
  );
  console.log(
    `stored: ${formatInt(db.events)} events, ${formatInt(db.alerts)} alerts ` +
      `(${((db.alerts / db.events) * 100).toFixed(1)} per 100 events), ` +
      `${ingest.rejected} rejected, ${ingest.failed} failed files`,
  );
  console.log(
    `machine: ${availableParallelism()} cores, Node ${process.versions.node}, ` +
      `PostgreSQL ${db.version} (embedded)`,
  );
  console.log(
    `ingest command ${ingest.seconds.toFixed(1)} s wall (job ${db.jobSeconds.toFixed(1)} s); ` +
      `COPY ${copy.seconds.toFixed(1)} s; parse ${parse.seconds.toFixed(1)} s`,
  );
  printCpu(ingest, copy, copyBinary, db.events);
}

/**
 * CPU time per stored event: the ingest process (every thread) and the database server, against
 * the server's own share of the COPY ceilings. The ingest's wall time per event cannot go below
 * the sum of its two parts divided by the number of cores.
 */
function printCpu(ingest, copy, copyBinary, events) {
  const us = (seconds, rows) => `${((seconds / rows) * 1e6).toFixed(0)} µs`;
  if (ingest.serverCpuSeconds === null) {
    console.log(`CPU per event: ingest process ${us(ingest.cpuSeconds, events)} (server not read)`);
    return;
  }
  console.log(
    `CPU per event: ingest process ${us(ingest.cpuSeconds, events)} + PostgreSQL ` +
      `${us(ingest.serverCpuSeconds, events)}; COPY ceilings, PostgreSQL ` +
      `${us(copy.serverCpuSeconds, copy.rows)} (CSV), ` +
      `${us(copyBinary.serverCpuSeconds, copyBinary.rows)} (binary)`,
  );
}
