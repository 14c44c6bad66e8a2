import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { AppError } from "../errors";
import { CASES_DIR, fixtureUpload } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { tarArchive, zipArchive } from "./archive/test-archives";
import { getJob, listJobs } from "./job-queries";
import { ingestFiles, JobBrokeOff } from "./pipeline";
import { chunked, gzip, rejection } from "./test-support";

giveEachFileATestDatabase();

const EVENT = {
  eventVersion: "1.08",
  eventTime: "2024-01-01T00:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName: "ListUsers",
  awsRegion: "us-east-1",
  userIdentity: { type: "IAMUser", userName: "alice" },
};

function jsonLines(prefix: string, count: number): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ ...EVENT, eventID: `${prefix}-${i}`, requestParameters: { n: i } }),
  );
  return `${lines.join("\n")}\n`;
}

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const result = await pool().query(sql, params);
  return result.rows[0] as T;
}

describe("ingest jobs", () => {
  beforeEach(async () => {
    await pool().query("TRUNCATE alert, event, ingest_file, ingest_job CASCADE");
  });

  it("records who, when, each file's shape, counts, errors and the duration", async () => {
    const job = await ingestFiles(
      [
        fixtureUpload(path.join(CASES_DIR, "09-null-request-response.json")),
        fixtureUpload(path.join(CASES_DIR, "03-gzip-mismatch.truncated.json.gz")),
      ],
      "cli",
    );
    expect(job.status).toBe("partial");
    const row = await one<Record<string, unknown>>("SELECT * FROM ingest_job WHERE id = $1", [
      job.jobId,
    ]);
    expect(row).toMatchObject({ origin: "cli", status: "partial", created_by: null });
    expect(row.owner_pid).toBe(process.pid);
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(row.duration_ms).toEqual(expect.any(Number));
    const files = await pool().query(
      "SELECT name, shape, status, records, stored, errors FROM ingest_file WHERE job_id = $1 ORDER BY created_at",
      [job.jobId],
    );
    expect(files.rows[0]).toMatchObject({ shape: "cloudtrail-delivery", records: 4, stored: 4 });
    expect(files.rows[1]).toMatchObject({ status: "failed", stored: 0 });
    expect(files.rows[1].errors[0].message).toMatch(/corrupt or truncated gzip/);
  });

  it("stores a month without a partition in one of its own once the job ends", async () => {
    const lines = jsonLines("old", 3).replaceAll("2024-01-01T00:00:00Z", "2003-02-03T04:05:06Z");
    const first = await ingestFiles([{ name: "old.jsonl", stream: chunked(lines) }], "cli");
    const again = await ingestFiles([{ name: "old.jsonl", stream: chunked(lines) }], "cli");
    expect([first.files[0]?.stored, again.files[0]?.stored]).toEqual([3, 0]);
    const parts = await pool().query<{ part: string }>(
      "SELECT DISTINCT tableoid::regclass::text AS part FROM event",
    );
    expect(parts.rows).toEqual([{ part: "event_y2003m02" }]);
  });

  it("lists jobs newest first with their files' totals, and one job with its files", async () => {
    const first = await ingestFiles(
      [{ name: "a.jsonl", stream: chunked(jsonLines("q", 3)) }],
      "cli",
    );
    const second = await ingestFiles(
      [
        { name: "b.jsonl", stream: chunked(jsonLines("q", 4)) },
        { name: "c.json", stream: chunked("{ broken") },
      ],
      "upload",
    );
    const { jobs, total } = await listJobs(1);
    expect(total).toBe(2);
    expect(jobs.map((j) => [j.id, j.status, j.files, j.failedFiles, j.records, j.stored])).toEqual([
      [second.jobId, "partial", 2, 1, 4, 1],
      [first.jobId, "succeeded", 1, 0, 3, 3],
    ]);
    expect(jobs[0]?.duplicates).toBe(3);
    const detail = await getJob(second.jobId);
    expect(detail?.fileList.map((f) => [f.name, f.status, f.errors.length])).toEqual([
      ["b.jsonl", "succeeded", 0],
      ["c.json", "failed", 1],
    ]);
    expect(detail?.fileList[0]?.bytesRead).toBeGreaterThan(0);
    expect(await getJob("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("stores each member of a zip or tar.gz upload as its own file result", async () => {
    const zip = zipArchive([
      { name: "a/one.json", content: jsonLines("zip-a", 3) },
      { name: "b/two.json.gz", content: gzip(jsonLines("zip-b", 2)) },
    ]);
    const tgz = gzip(tarArchive([{ name: "x/three.jsonl", content: jsonLines("tar", 4) }]));
    const job = await ingestFiles(
      [
        { name: "hand-over.zip", stream: chunked(zip, 100) },
        { name: "more.tar.gz", stream: chunked(tgz, 100) },
      ],
      "upload",
    );
    expect(job.files.map((f) => [f.file, f.status, f.stored])).toEqual([
      ["hand-over.zip/a/one.json", "succeeded", 3],
      ["hand-over.zip/b/two.json.gz", "succeeded", 2],
      ["more.tar.gz/x/three.jsonl", "succeeded", 4],
    ]);
    expect(job.files[1]?.shapeLabel).toBe("CloudTrail events as JSON Lines (gzip)");
    expect(await one("SELECT count(*)::int AS n FROM event")).toEqual({ n: 9 });
  });

  it("judges the size limit on uncompressed bytes, and says so", async () => {
    const big = jsonLines("big", 2000);
    const packed = gzip(big);
    const limit = 100_000;
    expect(packed.length).toBeLessThan(limit);
    expect(big.length).toBeGreaterThan(limit);
    const job = await ingestFiles([{ name: "big.json.gz", stream: chunked(packed) }], "cli", {
      maxFileBytes: limit,
    });
    expect(job.files[0]?.status).toBe("failed");
    expect(job.files[0]?.errors[0]?.message).toMatch(/once decompressed.*uncompressed bytes/);
    expect(await one("SELECT count(*)::int AS n FROM event")).toEqual({ n: 0 });
  });

  it("says an archive member is judged unpacked, and a plain file by its size", async () => {
    const big = jsonLines("big", 2000);
    const limit = 100_000;
    const zip = zipArchive([{ name: "in-zip.json", content: big }]);
    const tgz = gzip(tarArchive([{ name: "in-tar.jsonl", content: big }]));
    const job = await ingestFiles(
      [
        { name: "big.zip", stream: chunked(zip) },
        { name: "big.tar.gz", stream: chunked(tgz) },
        { name: "big.jsonl", stream: chunked(big) },
      ],
      "cli",
      { maxFileBytes: limit },
    );
    const messages = job.files.map((file) => [file.file, file.errors[0]?.message]);
    expect(messages).toEqual([
      ["big.zip/in-zip.json", expect.stringMatching(/once decompressed.*uncompressed bytes/)],
      ["big.tar.gz/in-tar.jsonl", expect.stringMatching(/once decompressed.*uncompressed bytes/)],
      [
        "big.jsonl",
        expect.stringMatching(/^The file is larger than 98 KB, the limit for one file\./),
      ],
    ]);
  });

  it("shows a file's progress outside its open transaction", async () => {
    interface Seen {
      records: number;
      bytes_read: string;
      events: number;
    }
    const state: { seen: Seen | null } = { seen: null };
    async function* slowSource(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(jsonLines("slow-1", 1500));
      // Wait until another connection sees the progress of the still-open transaction.
      for (let i = 0; i < 100 && state.seen === null; i++) {
        const row = await one<Seen>(
          `SELECT records, bytes_read, (SELECT count(*)::int FROM event) AS events
             FROM ingest_file WHERE status = 'running' AND records > 0`,
        );
        if (row) state.seen = row;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      yield new TextEncoder().encode(jsonLines("slow-2", 10));
    }
    const job = await ingestFiles([{ name: "slow.jsonl", stream: slowSource() }], "upload");
    const { seen } = state;
    expect(seen).not.toBeNull();
    expect(seen?.records).toBeGreaterThan(0);
    expect(Number(seen?.bytes_read)).toBeGreaterThan(0);
    // Nothing is visible outside until the file's transaction commits.
    expect(seen?.events).toBe(0);
    expect(job.files[0]).toMatchObject({ status: "succeeded", stored: 1510 });
  });

  it("closes the job with the error when the upload breaks off", async () => {
    async function* breaking() {
      yield fixtureUpload(path.join(CASES_DIR, "09-null-request-response.json"));
      throw new AppError("bad_request", "The upload was malformed or cut off.");
    }
    const jobId = "5d1d2c44-7a43-4a8f-9b51-3f9e7c0a1b2c";
    const error = await rejection(() => ingestFiles(breaking(), "upload", { jobId }));
    expect(error).toBeInstanceOf(JobBrokeOff);
    expect((error as JobBrokeOff).cause).toBeInstanceOf(AppError);
    expect((error as JobBrokeOff).result).toMatchObject({ jobId, status: "partial" });
    expect((error as JobBrokeOff).result.files.map((f) => f.status)).toEqual(["succeeded"]);
    expect(await one("SELECT status, error FROM ingest_job WHERE id = $1", [jobId])).toEqual({
      status: "partial",
      error: "The upload was malformed or cut off.",
    });
    const again = await rejection(() => ingestFiles([], "upload", { jobId }));
    expect((again as AppError).code).toBe("conflict");
  });

  it("passes the chosen date order to CSV files and keeps it with the job", async () => {
    const csv = [
      "TimeGenerated [UTC],OperationNameValue,Caller",
      '"01/02/2025, 09:45:54.000",MICROSOFT.A/B,x',
      '"03/04/2025, 09:45:54.000",MICROSOFT.A/B,y',
    ].join("\r\n");
    const undecided = await ingestFiles([{ name: "a.csv", stream: chunked(csv) }], "cli");
    expect(undecided.files[0]?.errors[0]?.message).toMatch(/day first or month first/);
    const chosen = await ingestFiles([{ name: "a.csv", stream: chunked(csv) }], "cli", {
      dateOrder: "dmy",
    });
    expect(chosen.files[0]).toMatchObject({ status: "succeeded", stored: 2 });
    const times = await pool().query("SELECT event_time FROM event ORDER BY event_time");
    expect(times.rows.map((r) => r.event_time.toISOString())).toEqual([
      "2025-02-01T09:45:54.000Z",
      "2025-04-03T09:45:54.000Z",
    ]);
    expect(await one("SELECT date_order FROM ingest_job WHERE id = $1", [chosen.jobId])).toEqual({
      date_order: "dmy",
    });
  });
});
