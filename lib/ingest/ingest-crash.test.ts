import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";

giveEachFileATestDatabase();

const ROOT = path.resolve(import.meta.dirname, "../..");
const SMALL = 200;
// Large enough that reading it takes seconds, so the kill lands while it is in its transaction.
const LARGE = 100_000;
const LAST = 300;

async function writeEvents(file: string, prefix: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    const event = {
      eventVersion: "1.08",
      eventTime: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      awsRegion: "eu-west-1",
      eventID: `${prefix}-${i}`,
      userIdentity: { type: "IAMUser", userName: "bench", accountId: "111122223333" },
      sourceIPAddress: "192.0.2.10",
      requestParameters: { bucketName: "example-bucket", key: `objects/${i}.json` },
    };
    if (!out.write(`${JSON.stringify(event)}\n`)) {
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  out.end();
  await finished(out);
}

function runCli(
  files: string[],
): ChildProcess & { output: Promise<{ code: number | null; stdout: string }> } {
  const child = spawn(process.execPath, ["bin/tripline.mjs", "ingest", "--json", ...files], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  const output = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, stdout })),
  );
  return Object.assign(child, { output });
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const result = await pool().query<{ n: number }>(sql, params);
  return result.rows[0]?.n ?? -1;
}

describe("an ingest killed in the middle of a file", () => {
  let folder = "";
  let files: string[] = [];
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "tripline-crash-test-"));
    files = ["a-small.jsonl", "b-large.jsonl", "c-last.jsonl"].map((f) => path.join(folder, f));
    await writeEvents(files[0] as string, "small", SMALL);
    await writeEvents(files[1] as string, "large", LARGE);
    await writeEvents(files[2] as string, "last", LAST);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("leaves nothing half-written, shows as interrupted, and a re-run stores what was missing", async () => {
    const first = runCli(files);
    // Wait until the large file's progress shows it is being read, then kill without warning.
    let progress = 0;
    for (let i = 0; i < 1200 && progress < 2000; i++) {
      progress = await count(
        "SELECT coalesce(max(records), 0)::int AS n FROM ingest_file WHERE name LIKE '%b-large.jsonl' AND status = 'running'",
      );
      if (progress < 2000) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(progress).toBeGreaterThanOrEqual(2000);
    first.kill("SIGKILL");
    expect((await first.output).code).toBeNull();

    // The first file was committed; not one record of the killed file is visible.
    expect(await count("SELECT count(*)::int AS n FROM event")).toBe(SMALL);
    expect(await count("SELECT count(*)::int AS n FROM event WHERE native_id LIKE 'large-%'")).toBe(
      0,
    );
    const killedJob = await pool().query<{ id: string; status: string }>(
      "SELECT id, status FROM ingest_job",
    );
    expect(killedJob.rows).toEqual([{ id: expect.any(String), status: "running" }]);

    // The next command notices the dead process first, then stores exactly what is missing.
    const again = await runCli(files).output;
    expect(again.code).toBe(0);
    const lines = again.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.slice(0, 3).map((l) => [l.status, l.stored, l.duplicates])).toEqual([
      ["succeeded", 0, SMALL],
      ["succeeded", LARGE, 0],
      ["succeeded", LAST, 0],
    ]);

    const old = await pool().query(
      `SELECT j.status AS job, f.name, f.status, f.stored FROM ingest_job j
         JOIN ingest_file f ON f.job_id = j.id WHERE j.id = $1 ORDER BY f.created_at`,
      [killedJob.rows[0]?.id],
    );
    expect(old.rows.map((r) => [r.job, path.basename(r.name), r.status, r.stored])).toEqual([
      ["interrupted", "a-small.jsonl", "succeeded", SMALL],
      ["interrupted", "b-large.jsonl", "interrupted", 0],
    ]);
    const total = SMALL + LARGE + LAST;
    expect(await count("SELECT count(*)::int AS n FROM event")).toBe(total);
    expect(await count("SELECT count(DISTINCT native_id)::int AS n FROM event")).toBe(total);
  }, 240_000);
});
