import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { withSourceLock } from "./run-lock";
import { runSource } from "./run-source";
import { runScheduler } from "./scheduler";
import { requestRun } from "./source-store";
import { type FakeS3, startFakeS3 } from "./testing/fake-s3";
import {
  addTestSource,
  clearStoredData,
  FAST_RETRIES,
  useTestSecretKey,
} from "./testing/pull-fixtures";

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
});
