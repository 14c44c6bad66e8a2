// Throughput benchmark (issue 8): generates a deterministic CloudTrail corpus as gzip delivery
// files, then measures on this machine, in one run: parsing alone, `tripline ingest` (events/s
// and peak RSS), the raw COPY ceiling of the same rows, the alerts page queries and the parity
// report, each printed next to its target.
//
//   npm run bench [-- --events 1000000 --files 100 --keep --port 5571]
//
// Everything lives in a temporary folder with an embedded PostgreSQL of its own (loopback only).
// The TypeScript modules run in child processes under tsx: this file runs itself again with
// `--phase parse|queries|parity` for the parts that call lib/ directly.
import { spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const ROOT = path.resolve(import.meta.dirname, "..");
const SELF = path.join(ROOT, "scripts", "bench.mjs");
const TARGET = { copyShare: 0.6, rssMb: 512, alertsP95Ms: 50, paritySeconds: 1 };

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    files: { type: "string", default: "100" },
    keep: { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PG_PORT ?? "5571" },
    phase: { type: "string" },
    dir: { type: "string" },
    at: { type: "string" },
  },
});

// ---------------------------------------------------------------------------------------------
// Corpus

const ACCOUNT = "111122223333";
const OTHER_ACCOUNT = "444455556666";
const REGIONS = ["eu-west-1", "us-east-1", "eu-central-1"];
const CORPUS_START = Date.UTC(2024, 4, 1);
const CORPUS_DAYS = 7;
const DAY_MS = 86_400_000;
// The parity report runs at this instant: its 24-hour window lies inside the corpus.
const PARITY_AT = new Date(CORPUS_START + 4.5 * DAY_MS);

// Share of events with a watched name. Both rules alert on most of them (the Sentinel rule
// skips AssumedRole callers without an error, the hardened one same-account STS calls), so
// 8.2 % watched gives about one alert per ten events, the 100,000 alerts at 1 M.
const WATCHED_SHARE = 0.082;
const ERROR_SHARE = 0.04;
const LARGE_BODY_SHARE = 0.005;

/** [eventSource, eventName, readOnly] of everyday calls. */
const ROUTINE = [
  ["s3.amazonaws.com", "GetObject", true],
  ["s3.amazonaws.com", "PutObject", false],
  ["s3.amazonaws.com", "ListBuckets", true],
  ["s3.amazonaws.com", "GetBucketAcl", true],
  ["ec2.amazonaws.com", "DescribeInstances", true],
  ["ec2.amazonaws.com", "DescribeSecurityGroups", true],
  ["sts.amazonaws.com", "GetCallerIdentity", true],
  ["kms.amazonaws.com", "Decrypt", true],
  ["kms.amazonaws.com", "GenerateDataKey", true],
  ["iam.amazonaws.com", "ListRoles", true],
  ["iam.amazonaws.com", "GetRole", true],
  ["logs.amazonaws.com", "DescribeLogGroups", true],
  ["monitoring.amazonaws.com", "GetMetricData", true],
  ["cloudformation.amazonaws.com", "CreateStack", false],
  ["ssm.amazonaws.com", "GetParameter", true],
  ["lambda.amazonaws.com", "Invoke", false],
];

/** [eventSource, eventName] the rules watch. */
const WATCHED = [
  ["iam.amazonaws.com", "CreateUser"],
  ["sts.amazonaws.com", "AssumeRole"],
  ["ec2.amazonaws.com", "RunInstances"],
  ["cloudtrail.amazonaws.com", "StopLogging"],
  ["iam.amazonaws.com", "CreateAccessKey"],
  ["iam.amazonaws.com", "AttachUserPolicy"],
  ["s3.amazonaws.com", "PutBucketPolicy"],
  ["iam.amazonaws.com", "CreateRole"],
  ["sts.amazonaws.com", "GetSessionToken"],
  ["lambda.amazonaws.com", "UpdateFunctionCode20150331v2"],
];

const ERRORS = [
  ["AccessDenied", "User is not authorized to perform this operation"],
  ["Client.UnauthorizedOperation", "You are not authorized to perform this operation."],
  ["ThrottlingException", "Rate exceeded"],
  ["NoSuchEntityException", "The role with name Deploy cannot be found."],
  ["ValidationException", "1 validation error detected"],
];

/** A seeded xorshift generator: the same corpus on every run and machine. */
function random(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.int = (n) => Math.floor(next() * n);
  return next;
}

/** Caller types in the proportions a busy account shows: mostly roles, some users and services. */
function identity(rand, i) {
  const roll = rand();
  const user = `user-${rand.int(400)}`;
  if (roll < 0.6) {
    const role = `Role${rand.int(25)}`;
    return {
      type: "AssumedRole",
      principalId: `AROAEXAMPLE${rand.int(25)}:${user}`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${user}`,
      accountId: ACCOUNT,
      accessKeyId: `ASIAEXAMPLE${String(i).padStart(9, "0")}`,
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: `AROAEXAMPLE${rand.int(25)}`,
          arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
          accountId: ACCOUNT,
          userName: role,
        },
        attributes: { creationDate: "2024-05-01T00:00:00Z", mfaAuthenticated: "false" },
      },
    };
  }
  if (roll < 0.85) {
    const account = rand() < 0.2 ? OTHER_ACCOUNT : ACCOUNT;
    return {
      type: "IAMUser",
      principalId: `AIDAEXAMPLE${rand.int(400)}`,
      arn: `arn:aws:iam::${account}:user/${user}`,
      accountId: account,
      accessKeyId: `AKIAEXAMPLE${rand.int(400)}`,
      userName: user,
    };
  }
  if (roll < 0.95) return { type: "AWSService", invokedBy: rand.pick(SERVICES) };
  return {
    type: "Root",
    principalId: ACCOUNT,
    arn: `arn:aws:iam::${ACCOUNT}:root`,
    accountId: ACCOUNT,
    accessKeyId: `ASIAROOT${rand.int(10)}`,
  };
}

const SERVICES = ["ec2.amazonaws.com", "lambda.amazonaws.com", "cloudformation.amazonaws.com"];

/** A policy or template body of 16 to 64 KB, as CreateStack or PutBucketPolicy carry. */
function largeBody(rand) {
  const statements = [];
  const target = 16_384 + rand.int(49_152);
  let size = 0;
  while (size < target) {
    const statement = {
      Sid: `Stmt${statements.length}`,
      Effect: rand() < 0.9 ? "Allow" : "Deny",
      Action: [`s3:GetObject`, `s3:PutObject`, `kms:Decrypt`].slice(0, 1 + rand.int(3)),
      Resource: `arn:aws:s3:::bucket-${rand.int(1000)}/prefix-${rand.int(100_000)}/*`,
      Condition: { StringEquals: { "aws:PrincipalOrgID": `o-${rand.int(1e9).toString(36)}` } },
    };
    size += JSON.stringify(statement).length;
    statements.push(statement);
  }
  return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

function cloudTrailEvent(rand, i, total) {
  const watched = rand() < WATCHED_SHARE;
  const [source, name, readOnly] = watched ? [...rand.pick(WATCHED), false] : rand.pick(ROUTINE);
  const caller = identity(rand, i);
  const time = CORPUS_START + Math.floor((i * CORPUS_DAYS * DAY_MS) / total) + rand.int(5000);
  const event = {
    eventVersion: "1.09",
    userIdentity: caller,
    eventTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: source,
    eventName: name,
    awsRegion: rand.pick(REGIONS),
    sourceIPAddress:
      caller.type === "AWSService" ? caller.invokedBy : `198.51.${rand.int(256)}.${rand.int(256)}`,
    userAgent:
      caller.type === "AWSService"
        ? caller.invokedBy
        : rand.pick([
            "aws-cli/2.15.0 Python/3.11.6 Linux/6.1",
            "Boto3/1.34.0 Python/3.12",
            "console.amazonaws.com",
          ]),
    requestParameters: { bucketName: `bucket-${rand.int(50)}`, key: `data/${i}.json` },
    responseElements: null,
    requestID: `REQ${String(i).padStart(13, "0")}`,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    readOnly,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: "Management",
    tlsDetails: { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256" },
  };
  if (rand() < ERROR_SHARE) {
    const [code, message] = rand.pick(ERRORS);
    event.errorCode = code;
    event.errorMessage = message;
  }
  if (rand() < LARGE_BODY_SHARE) event.requestParameters.policy = largeBody(rand);
  return { event, watched };
}

/** `--files` gzip delivery files of consecutive events, named as CloudTrail names them. */
async function generateCorpus(folder, total, fileCount) {
  await mkdir(folder, { recursive: true, mode: 0o755 });
  const rand = random(0x7419_e1);
  const perFile = Math.ceil(total / fileCount);
  let jsonBytes = 0;
  let gzipBytes = 0;
  let watched = 0;
  for (let file = 0, first = 0; first < total; file++, first += perFile) {
    const records = [];
    for (let i = first; i < Math.min(first + perFile, total); i++) {
      const generated = cloudTrailEvent(rand, i, total);
      watched += generated.watched ? 1 : 0;
      records.push(JSON.stringify(generated.event));
    }
    const text = `{"Records":[${records.join(",")}]}`;
    const gzipped = gzipSync(text);
    const stamp = new Date(CORPUS_START + Math.floor((first * CORPUS_DAYS * DAY_MS) / total))
      .toISOString()
      .replace(/[-:]/g, "")
      .slice(0, 13);
    const serial = String(file).padStart(4, "0");
    const name = `${ACCOUNT}_CloudTrail_eu-west-1_${stamp}Z_${serial}.json.gz`;
    await writeFile(path.join(folder, name), gzipped);
    jsonBytes += Buffer.byteLength(text);
    gzipBytes += gzipped.length;
  }
  return { jsonBytes, gzipBytes, watched };
}

// ---------------------------------------------------------------------------------------------
// Child processes

/** Runs node with `args` to its end, keeping its output; fails on a non-zero exit. */
function run(args, env) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ stdout, stderr, seconds });
      else reject(new Error(`${args.join(" ")} exited with ${code}\n${stderr}`));
    });
  });
}

/** Runs one `--phase` of this script under tsx and returns the JSON it prints last. */
async function phase(name, env, extra = []) {
  const result = await run(["--import", "tsx", SELF, "--phase", name, ...extra], env);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "null");
}

/** The environment without DATABASE_URL, so nothing reaches a database other than the bench's. */
function baseEnv() {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: "warn" };
}

/** The embedded PostgreSQL in its own process (lib/db/embedded-cli.ts), until stop(). */
async function startDatabase(folder, port) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "lib/db/embedded-cli.ts", "--migrate"],
    {
      cwd: ROOT,
      env: { ...baseEnv(), TRIPLINE_DATA_DIR: path.join(folder, "data"), TRIPLINE_PG_PORT: port },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const ready = /READY (\S+)/.exec(stdout);
      if (ready) resolve(ready[1]);
    });
    exited.then((code) => reject(new Error(`the database exited with ${code}\n${stderr}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Measurements run from this process

const MAX_RSS_HOOK =
  "process.on('exit', () => process.stderr.write('BENCH_MAX_RSS_KB=' + " +
  "process.resourceUsage().maxRSS + '\\n'));";

/** `tripline ingest --json <folder>`: wall time, counts and the process's own peak RSS. */
async function ingestCorpus(corpus, env) {
  const hook = `data:text/javascript,${encodeURIComponent(MAX_RSS_HOOK)}`;
  const result = await run(["--import", hook, "bin/tripline.mjs", "ingest", "--json", corpus], env);
  const lines = result.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  const files = lines.filter((line) => "file" in line);
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return {
    seconds: result.seconds,
    stored: sum("stored"),
    rejected: sum("rejected"),
    failed: files.filter((file) => file.status === "failed").length,
    alerts: sum("alerts"),
    peakMb: rssKb / 1024,
  };
}

// The columns event-writer.ts stores; id, id_conflict and ingested_at take their defaults.
const EVENT_COLUMNS =
  "source_table, kind, event_time, operation, actor, actor_type, source_ip, source_host, " +
  "account, region, user_agent, outcome, outcome_code, native_id, dedup_key, content_hash, " +
  "correlation_id, sentinel, flags, raw, ingest_file_id";
const EXPORT_HALVES = [
  `COPY (SELECT ${EVENT_COLUMNS} FROM event WHERE id % 2 = 0 ORDER BY id) TO STDOUT`,
  `COPY (SELECT ${EVENT_COLUMNS} FROM event WHERE id % 2 = 1 ORDER BY id) TO STDOUT`,
];

/**
 * The ceiling: the rows Tripline stored, exported beforehand as COPY text, loaded by two parallel
 * sessions into an empty copy of the event table (same columns, defaults, indexes).
 */
async function copyCeiling(url, folder) {
  const files = EXPORT_HALVES.map((_, i) => path.join(folder, `event-rows-${i}.copy`));
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await Promise.all(EXPORT_HALVES.map((sql, i) => exportRows(url, sql, files[i])));
    await admin.query("DROP TABLE IF EXISTS bench_event_copy");
    await admin.query("DROP SEQUENCE IF EXISTS bench_event_copy_id_seq");
    await admin.query("CREATE TABLE bench_event_copy (LIKE event INCLUDING ALL)");
    await admin.query("CREATE SEQUENCE bench_event_copy_id_seq OWNED BY bench_event_copy.id");
    await admin.query(
      "ALTER TABLE bench_event_copy ALTER COLUMN id SET DEFAULT nextval('bench_event_copy_id_seq')",
    );
    await admin.query("CHECKPOINT");

    const started = performance.now();
    const rows = await Promise.all(files.map((file) => loadRows(url, file)));
    const seconds = (performance.now() - started) / 1000;
    return { rows: rows.reduce((a, b) => a + b, 0), seconds };
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

async function loadRows(url, file) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const copy = client.query(copyFrom(`COPY bench_event_copy (${EVENT_COLUMNS}) FROM STDIN`));
    await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), copy);
    return copy.rowCount;
  } finally {
    await client.end();
  }
}

async function databaseFacts(url) {
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
async function vacuumAnalyze(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE) event, alert");
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Phases run under tsx

async function parsePhase(dir) {
  const { openLogFile } = await import("../lib/ingest/open-log-file.ts");
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
  const { listAlerts } = await import("../lib/alerts/queries.ts");
  const { AlertPage } = await import("../lib/alerts/schemas.ts");
  const { disconnect } = await import("../lib/db/client.ts");
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
  const { parityReportRows } = await import("../lib/parity/report.ts");
  const { parityCsv } = await import("../lib/parity/format.ts");
  const { paritySource } = await import("../lib/parity/source.ts");
  const { disconnect } = await import("../lib/db/client.ts");
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

// ---------------------------------------------------------------------------------------------
// Report

const formatInt = (n) => Math.round(n).toLocaleString("en-US");
const verdict = (met) => (met ? "met" : "NOT MET");

function printReport(facts) {
  const { generated, parse, ingest, copy, queries, parity, db, total, fileCount } = facts;
  const parseRate = parse.events / parse.seconds;
  const ingestRate = ingest.stored / ingest.seconds;
  const copyRate = copy.rows / copy.seconds;
  const share = ingestRate / copyRate;
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
    [
      `parity report at ${PARITY_AT.toISOString().slice(0, 16)}Z`,
      `${(parity.seconds * 1000).toFixed(0)} ms (${formatInt(parity.rows)} rows, ${parity.source})`,
      `<= ${TARGET.paritySeconds} s`,
      verdict(parity.seconds <= TARGET.paritySeconds),
    ],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
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

// ---------------------------------------------------------------------------------------------

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
    // As the server does at start: the rule versions are recorded on the empty store, so the
    // alerts the ingest raises are current and the parity report reads them.
    await run(["bin/tripline.mjs", "detect", "--json"], env);

    step("full ingest: tripline ingest --json");
    const ingest = await ingestCorpus(corpus, env);
    await vacuumAnalyze(database.url);

    step("COPY ceiling");
    const copy = await copyCeiling(database.url, folder);
    await vacuumAnalyze(database.url);

    step("alerts page queries");
    const queries = await phase("queries", env);
    step("parity report");
    const parity = await phase("parity", env, ["--at", PARITY_AT.toISOString()]);
    const db = await databaseFacts(database.url);

    printReport({ generated, parse, ingest, copy, queries, parity, db, total, fileCount });
  } finally {
    if (database) await database.stop();
    if (values.keep) console.log(`kept ${folder}`);
    else await rm(folder, { recursive: true, force: true });
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

if (values.phase) await runPhase(values.phase);
else await bench();
