import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { withSourceLock } from "./run-lock";
import { runSource } from "./run-source";
import { runScheduler } from "./scheduler";
import { deleteSource, getSource, requestRun } from "./source-store";
import { type FakeS3, startFakeS3 } from "./testing/fake-s3";
import {
  addTestSource,
  clearStoredData,
  FAST_RETRIES,
  useTestSecretKey,
} from "./testing/pull-fixtures";
import { deliveryFile, trailEvent, trailKey } from "./testing/trail-records";

giveEachFileATestDatabase();

let s3: FakeS3;

beforeEach(async () => {
  useTestSecretKey();
  await clearStoredData();
  s3 = await startFakeS3("empty-bucket");
});

afterEach(async () => {
  await s3.close();
});

function emptyTrail() {
  return addTestSource(
    {
      kind: "aws-s3",
      startFrom: new Date().toISOString(),
      lookbackMinutes: 60,
      region: "us-east-1",
      accessKeyId: "AKIAEXAMPLEPULLKEY01",
      bucket: "empty-bucket",
      s3Endpoint: s3.url,
      forcePathStyle: true,
    },
    { secretAccessKey: "exampleSecretAccessKeyForTests0000000000" },
  );
}

async function runs(sourceId: string) {
  const { rows } = await pool().query<{ status: string; trigger: string; error_kind: string }>(
    "SELECT status, trigger, error_kind FROM pull_run WHERE source_id = $1 ORDER BY id",
    [sourceId],
  );
  return rows;
}

describe("pull runs", () => {
  it("runs a source only once at a time", async () => {
    const id = await emptyTrail();
    const inner = await withSourceLock(id, () =>
      runSource(id, { trigger: "manual", tuning: FAST_RETRIES }),
    );
    expect(inner).toBeNull();
    expect(await runs(id)).toEqual([]);
  });

  it("closes runs a dead process left running, then schedules the next run", async () => {
    const id = await emptyTrail();
    await pool().query(
      "INSERT INTO pull_run (source_id, trigger, status) VALUES ($1, 'schedule', 'running')",
      [id],
    );
    await requestRun(id);

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.status).toBe("succeeded");
    expect(await runs(id)).toEqual([
      { status: "interrupted", trigger: "schedule", error_kind: "interrupted" },
      { status: "succeeded", trigger: "manual", error_kind: null },
    ]);
    const { rows } = await pool().query(
      "SELECT run_requested_at, next_run_at > now() + interval '50 minutes' AS later FROM pull_source",
    );
    expect(rows[0]).toEqual({ run_requested_at: null, later: true });
  });

  it("a scheduled run serves a Run now request made before it began, and says so", async () => {
    const id = await emptyTrail();
    await requestRun(id);

    await runSource(id, { trigger: "schedule", tuning: FAST_RETRIES });

    expect(await runs(id)).toEqual([{ status: "succeeded", trigger: "manual", error_kind: null }]);
    const { rows } = await pool().query("SELECT run_requested_at FROM pull_source");
    expect(rows[0]).toEqual({ run_requested_at: null });
  });

  it("a Run now request made during a run is kept for a run of its own", async () => {
    const id = await emptyTrail();
    // One server error, retried after half a second: time to click while the run is on.
    s3.faults.add({ status: 500 }, (r) => r.operation === "ListObjectsV2");
    const tuning = { ...FAST_RETRIES, baseDelayMs: 500, maxDelayMs: 500 };
    const running = runSource(id, { trigger: "schedule", tuning });
    await vi.waitFor(async () => expect(await runs(id)).toHaveLength(1));
    await requestRun(id);
    await running;

    expect(await runs(id)).toEqual([
      { status: "succeeded", trigger: "schedule", error_kind: null },
    ]);
    const { rows } = await pool().query(
      "SELECT run_requested_at IS NOT NULL AS pending FROM pull_source",
    );
    expect(rows[0]).toEqual({ pending: true });
  });

  it("without the sealing key a run fails with a configuration error", async () => {
    const id = await emptyTrail();
    delete process.env.TRIPLINE_SECRET_KEY;
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("configuration");
    expect(run?.error?.message).toContain("TRIPLINE_SECRET_KEY");
  });

  it("the scheduler runs a requested source and stops when told", async () => {
    const id = await emptyTrail();
    await pool().query("UPDATE pull_source SET next_run_at = now() + interval '1 hour'");
    await requestRun(id);
    const controller = new AbortController();
    const loop = runScheduler(controller.signal);

    await vi.waitFor(async () => expect((await runs(id))[0]?.status).toBe("succeeded"), {
      timeout: 15_000,
    });
    controller.abort();
    await loop;
    expect(await runs(id)).toEqual([{ status: "succeeded", trigger: "manual", error_kind: null }]);
  });

  it("a run that finds nothing still has an ingest job, succeeded with no events", async () => {
    const id = await emptyTrail();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.status).toBe("succeeded");
    expect(await runJob(run?.runId)).toEqual({ status: "succeeded", error: null, files: 0 });
  });

  it("a run that fails at its first request has a failed ingest job naming the kind", async () => {
    const id = await emptyTrail();
    s3.faults.add({ status: 403 }, (request) => request.operation === "ListObjectsV2");

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error?.kind).toBe("unauthorised");
    const job = await runJob(run?.runId);
    expect(job).toMatchObject({ status: "failed", files: 0 });
    expect(job?.error).toMatch(/^unauthorised: /);
  });

  it("a run throttled after storing a file has a failed job, not a succeeded one", async () => {
    const folder = "AWSLogs/111122223333/CloudTrail/us-east-1/";
    const now = new Date();
    const day = now.toISOString().slice(0, 10).replaceAll("-", "/");
    s3.put(
      trailKey(folder, day, "a1"),
      deliveryFile([trailEvent("1", "ListUsers", now.toISOString())]),
    );
    s3.put(
      trailKey(folder, day, "a2"),
      deliveryFile([trailEvent("2", "ListRoles", now.toISOString())]),
    );
    s3.faults.add(
      { status: 429, headers: { "Retry-After": "0" } },
      (request) => request.operation === "GetObject" && request.key.includes("a2"),
      10,
    );
    const id = await emptyTrail();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run).toMatchObject({ status: "failed", totals: { stored: 1 } });
    expect(run?.error?.kind).toBe("throttled");
    const job = await runJob(run?.runId);
    expect(job).toMatchObject({ status: "failed", files: 1 });
    expect(job?.error).toMatch(/^throttled: /);
  }, 30_000);

  it("a bucket in another region is named in the error", async () => {
    const id = await emptyTrail();
    s3.faults.add({
      status: 301,
      headers: { "content-type": "application/xml", "x-amz-bucket-region": "eu-west-2" },
      body:
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code>' +
        "<Message>The bucket you are attempting to access must be addressed using the specified " +
        "endpoint.</Message><Bucket>empty-bucket</Bucket></Error>",
    });

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error?.kind).toBe("configuration");
    expect(run?.error?.message).toContain("the bucket is in eu-west-2");
  });

  it("refuses to delete a source while it runs, and deletes it afterwards", async () => {
    const id = await emptyTrail();

    await withSourceLock(id, async () => {
      await expect(deleteSource(id)).rejects.toThrow(/running now/);
    });
    expect(await getSource(id)).not.toBeNull();

    await deleteSource(id);
    expect(await getSource(id)).toBeNull();
  });
});

async function runJob(runId: bigint | undefined) {
  const { rows } = await pool().query<{ status: string; error: string | null; files: number }>(
    `SELECT j.status, j.error,
            (SELECT count(*)::int FROM ingest_file f WHERE f.job_id = j.id) AS files
       FROM pull_run r JOIN ingest_job j ON j.id = r.ingest_job_id
      WHERE r.id = $1`,
    [runId],
  );
  return rows[0] ?? null;
}
