// Memory benchmark: writes a 1 GB CloudTrail S3 delivery file (one JSON document, streamed to a
// temporary folder), ingests it with `tripline ingest` into an embedded PostgreSQL of its own,
// and reports the command's peak resident memory. The ingest must stay under 512 MB.
//
//   npm run bench:memory [-- --gigabytes 1 --keep]
//
// The database runs in its own process and is not counted: the figure is the Node process that
// reads, normalises and stores the events.
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";

const LIMIT_MB = 512;
const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    gigabytes: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    port: { type: "string", default: process.env.BENCH_PG_PORT ?? "5503" },
  },
});
const targetBytes = Math.round(Number(values.gigabytes) * 1024 ** 3);
const folder = path.join(tmpdir(), "tripline-bench-memory");
const file = path.join(folder, "111122223333_CloudTrail_eu-west-1_bench.json");

/** One plausible management event of about 1 KB; `i` varies ids, names and times. */
function event(i) {
  const user = `user-${i % 997}`;
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: "AssumedRole",
      principalId: `AROAEXAMPLE${i % 89}:${user}`,
      arn: `arn:aws:sts::111122223333:assumed-role/Role${i % 13}/${user}`,
      accountId: "111122223333",
      accessKeyId: `ASIAEXAMPLE${String(i).padStart(9, "0")}`,
      sessionContext: {
        sessionIssuer: {
          type: "Role",
          principalId: `AROAEXAMPLE${i % 89}`,
          arn: `arn:aws:iam::111122223333:role/Role${i % 13}`,
          accountId: "111122223333",
          userName: `Role${i % 13}`,
        },
        attributes: { creationDate: "2024-05-01T00:00:00Z", mfaAuthenticated: "false" },
      },
    },
    eventTime: new Date(Date.UTC(2024, 4, 1) + i * 250).toISOString().replace(".000", ""),
    eventSource: i % 50 === 0 ? "iam.amazonaws.com" : "s3.amazonaws.com",
    eventName: i % 50 === 0 ? "CreateAccessKey" : "GetObject",
    awsRegion: "eu-west-1",
    sourceIPAddress: `198.51.100.${i % 250}`,
    userAgent: "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64 command/s3.cp",
    requestParameters: { bucketName: "example-bucket", key: `data/${i}/part-${i % 7}.parquet` },
    responseElements: null,
    requestID: `REQ${String(i).padStart(13, "0")}`,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    readOnly: i % 50 !== 0,
    eventType: "AwsApiCall",
    managementEvent: i % 50 === 0,
    recipientAccountId: "111122223333",
    tlsDetails: { tlsVersion: "TLSv1.3", cipherSuite: "TLS_AES_128_GCM_SHA256" },
  };
}

/** Streams `{"Records":[...]}` to disk until it reaches the target size. */
async function generate() {
  const out = createWriteStream(file);
  let written = 0;
  let count = 0;
  const write = async (text) => {
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((resolve) => out.once("drain", resolve));
  };
  await write('{"Records":[');
  while (written < targetBytes) {
    const parts = [];
    for (let i = 0; i < 1000; i++, count++) parts.push(JSON.stringify(event(count)));
    await write(`${count > 1000 ? "," : ""}${parts.join(",")}`);
  }
  await write("]}\n");
  out.end();
  await finished(out);
  return { bytes: written, events: count };
}

/** Runs the CLI; a preloaded hook prints the process's own peak RSS as it exits. */
function ingest() {
  const report =
    "process.on('exit', () => process.stderr.write('BENCH_MAX_RSS_KB=' + " +
    "process.resourceUsage().maxRSS + '\\n'));";
  const child = spawn(
    process.execPath,
    [
      "--import",
      `data:text/javascript,${encodeURIComponent(report)}`,
      "bin/tripline.mjs",
      "ingest",
      file,
    ],
    {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...withoutDatabaseUrl(process.env),
        TRIPLINE_DATA_DIR: path.join(folder, "data"),
        TRIPLINE_PG_PORT: values.port,
        TRIPLINE_MAX_FILE_BYTES: String(targetBytes * 2),
        LOG_LEVEL: "warn",
      },
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/** The environment without DATABASE_URL, so the command starts the bench's own database. */
function withoutDatabaseUrl(environment) {
  const { DATABASE_URL: _ignored, ...rest } = environment;
  return rest;
}

async function main() {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true, mode: 0o755 });
  try {
    let started = performance.now();
    const generated = await generate();
    const size = (await stat(file)).size;
    const genSeconds = (performance.now() - started) / 1000;
    console.log(
      `generated ${file}: ${(size / 1024 ** 2).toFixed(0)} MB, ${generated.events} events ` +
        `in ${genSeconds.toFixed(0)} s`,
    );

    started = performance.now();
    const run = await ingest();
    const seconds = (performance.now() - started) / 1000;
    const rssKb = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
    const peakMb = rssKb / 1024;
    process.stdout.write(run.stdout);
    if (run.code !== 0) {
      process.stderr.write(run.stderr);
      throw new Error(`tripline ingest exited with ${run.code}`);
    }
    console.log(
      `ingested in ${seconds.toFixed(0)} s (${Math.round(generated.events / seconds)} events/s); ` +
        `peak RSS of the ingest process: ${peakMb.toFixed(0)} MB (limit ${LIMIT_MB} MB)`,
    );
    if (!(peakMb < LIMIT_MB)) {
      console.error(`FAIL: peak RSS ${peakMb.toFixed(0)} MB is not under ${LIMIT_MB} MB`);
      process.exitCode = 1;
    }
  } finally {
    if (!values.keep) await rm(folder, { recursive: true, force: true });
  }
}

await main();
