import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../../db/client";
import { giveEachFileATestDatabase } from "../../testing/test-database";
import { runSource } from "../run-source";
import { getSource } from "../source-store";
import { type FakeS3, startFakeS3 } from "../testing/fake-s3";
import { ASSUMED_KEY_ID, type FakeSts, startFakeSts } from "../testing/fake-sts";
import {
  addTestSource,
  alertCounts,
  clearStoredData,
  FAST_RETRIES,
  storedEvents,
  useTestSecretKey,
} from "../testing/pull-fixtures";
import { deliveryFile, digestFile, trailEvent, trailKey } from "../testing/trail-records";

giveEachFileATestDatabase();

const BUCKET = "trail-bucket";
const ACCOUNT_FOLDER = "org-trail/AWSLogs/111122223333/CloudTrail/us-east-1/";
const ORG_FOLDER = "org-trail/AWSLogs/o-exampleorg1/444455556666/CloudTrail/eu-west-1/";
const USER_KEY_ID = "AKIAEXAMPLEPULLKEY01";

const dayText = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "/");
const YESTERDAY = dayText(1);
const TODAY = dayText(0);
const LONG_AGO = dayText(5);
const time = (day: string, hhmm: string) => `${day.replaceAll("/", "-")}T${hhmm}:00Z`;

let s3: FakeS3;

beforeAll(() => useTestSecretKey());

beforeEach(async () => {
  await clearStoredData();
  s3 = await startFakeS3(BUCKET, 2);
});

afterEach(async () => {
  await s3.close();
});

function trailSource(extra: Record<string, unknown> = {}) {
  return addTestSource(
    {
      kind: "aws-s3",
      startFrom: new Date(Date.now() - 86_400_000).toISOString(),
      lookbackMinutes: 24 * 60,
      region: "us-east-1",
      accessKeyId: USER_KEY_ID,
      bucket: BUCKET,
      prefix: "org-trail/",
      s3Endpoint: s3.url,
      forcePathStyle: true,
      ...extra,
    },
    { secretAccessKey: "exampleSecretAccessKeyForTests0000000000" },
  );
}

/** A bucket laid out like a real trail: two accounts (one through an organization), digests. */
function layOutBucket(): void {
  s3.put(
    trailKey(ACCOUNT_FOLDER, YESTERDAY, "a1"),
    deliveryFile([
      trailEvent("1", "CreateKeyPair", time(YESTERDAY, "10:01")),
      trailEvent("2", "DescribeInstances", time(YESTERDAY, "10:02")),
    ]),
  );
  s3.put(
    trailKey(ACCOUNT_FOLDER, TODAY, "a2"),
    deliveryFile([trailEvent("3", "DescribeInstances", time(TODAY, "00:01"))]),
  );
  s3.put(
    trailKey(ORG_FOLDER, TODAY, "o1"),
    deliveryFile([trailEvent("4", "CreateKeyPair", time(TODAY, "00:02"), "bob")]),
  );
  // Before the look-back window: never listed.
  s3.put(
    trailKey(ACCOUNT_FOLDER, LONG_AGO, "old"),
    deliveryFile([trailEvent("5", "CreateKeyPair", time(LONG_AGO, "10:00"))]),
  );
  // Digests: in their own folder, one misfiled by name, one recognisable only by content.
  const digestFolder = "org-trail/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/";
  s3.put(`${digestFolder}${TODAY}/111122223333_CloudTrail-Digest_x.json.gz`, digestFile());
  s3.put(`${ACCOUNT_FOLDER}${TODAY}/111122223333_CloudTrail-Digest_misfiled.json.gz`, digestFile());
  s3.put(trailKey(ACCOUNT_FOLDER, TODAY, "digest-content"), digestFile());
}

const gets = () => s3.requests.filter((r) => r.operation === "GetObject").map((r) => r.key);

describe("CloudTrail from an S3 trail bucket", () => {
  it("reads both layouts, skips digests and reads a late object exactly once", async () => {
    layOutBucket();
    s3.faults.add(
      {
        status: 503,
        headers: { "retry-after": "1" },
        body: "<Error><Code>SlowDown</Code></Error>",
      },
      (r) => r.operation === "ListObjectsV2",
    );
    s3.faults.add({ status: 500, body: "<Error><Code>InternalError</Code></Error>" }, (r) =>
      r.key.endsWith("_o1.json.gz"),
    );
    const id = await trailSource();

    const first = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(first?.error).toBeNull();
    expect(first?.status).toBe("succeeded");
    expect(first?.totals).toMatchObject({ files: 4, stored: 4, duplicates: 0 });
    expect(s3.faults.pending).toBe(0);
    expect(gets().filter((k) => k.includes("Digest"))).toEqual([]);
    expect(gets().some((k) => k.includes(LONG_AGO))).toBe(false);
    expect(await storedEvents()).toBe(4);
    expect(await alertCounts()).toEqual({ parity: 2, hardened: 2 });
    expect(s3.requests.every((r) => r.accessKeyId === USER_KEY_ID)).toBe(true);

    // A late object whose key sorts before the ones already read, and a new one.
    s3.put(
      trailKey(ACCOUNT_FOLDER, YESTERDAY, "0-late"),
      deliveryFile([trailEvent("6", "CreateKeyPair", time(YESTERDAY, "09:00"))]),
    );
    s3.put(
      trailKey(ACCOUNT_FOLDER, TODAY, "a3"),
      deliveryFile([trailEvent("7", "DescribeInstances", time(TODAY, "01:00"))]),
    );
    s3.requests.length = 0;
    const second = await runSource(id, { trigger: "schedule", tuning: FAST_RETRIES });
    expect(second?.totals).toMatchObject({ files: 2, stored: 2, duplicates: 0 });
    expect(gets()).toHaveLength(2);
    expect(await storedEvents()).toBe(6);
    expect(await alertCounts()).toEqual({ parity: 3, hardened: 3 });

    s3.requests.length = 0;
    const third = await runSource(id, { trigger: "schedule", tuning: FAST_RETRIES });
    expect(third?.totals.files).toBe(0);
    expect(gets()).toEqual([]);
    expect(third?.status).toBe("succeeded");
  });

  it("stops on a lasting fault and resumes with the objects it had not read", async () => {
    layOutBucket();
    s3.faults.add({ status: 500 }, (r) => r.key.endsWith("_a2.json.gz"), 5);
    const id = await trailSource();

    const first = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(first?.status).toBe("failed");
    expect(first?.error?.kind).toBe("server");
    expect(first?.error?.message).toContain("_a2.json.gz");
    expect((await getSource(id))?.checkpoint).toBeNull();
    const readBefore = first?.totals.files ?? 0;

    s3.requests.length = 0;
    const second = await runSource(id, { trigger: "schedule", tuning: FAST_RETRIES });
    expect(second?.status).toBe("succeeded");
    expect(second?.totals.duplicates).toBe(0);
    expect(readBefore + (second?.totals.files ?? 0)).toBe(4);
    expect(await storedEvents()).toBe(4);
  });

  it("reports refused credentials as unauthorised without retrying", async () => {
    layOutBucket();
    s3.faults.add(
      { status: 403, body: "<Error><Code>AccessDenied</Code><Message>denied</Message></Error>" },
      () => true,
    );
    const id = await trailSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("unauthorised");
    expect(s3.requests).toHaveLength(1);
    const rows = await pool().query(
      "SELECT status, error_kind FROM pull_run WHERE source_id = $1",
      [id],
    );
    expect(rows.rows).toEqual([{ status: "failed", error_kind: "unauthorised" }]);
  });

  it.each([
    ["an empty body", ""],
    ["a result without its elements", '<?xml version="1.0"?><ListBucketResult></ListBucketResult>'],
  ])("a listing answered 200 with %s is an unexpected answer", async (_label, body) => {
    layOutBucket();
    s3.faults.add(
      { status: 200, headers: { "content-type": "application/xml" }, body },
      (r) => r.operation === "ListObjectsV2",
    );
    const id = await trailSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.status).toBe("failed");
    expect(run?.error?.kind).toBe("invalid_response");
    expect((await getSource(id))?.checkpoint).toBeNull();
    expect(await storedEvents()).toBe(0);
  });

  it("names the status received: 401 is not reported as 403", async () => {
    layOutBucket();
    s3.faults.add({
      status: 401,
      body: "<Error><Code>InvalidAccessKeyId</Code><Message>no such key</Message></Error>",
    });
    const id = await trailSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("unauthorised");
    expect(run?.error?.message).toContain("(HTTP 401)");
    expect(run?.error?.message).not.toContain("403");
  });

  it("reports an unreachable endpoint as a network error", async () => {
    const id = await trailSource({ s3Endpoint: "http://127.0.0.1:1" });
    const run = await runSource(id, {
      trigger: "manual",
      tuning: { ...FAST_RETRIES, maxTries: 2 },
    });
    expect(run?.error?.kind).toBe("network");
  });

  it("gives up on a hung endpoint after the configured timeout, as a network error", async () => {
    layOutBucket();
    s3.hold = (r) => r.operation === "ListObjectsV2";
    const id = await trailSource();
    process.env.TRIPLINE_PULL_TIMEOUT_SECONDS = "1";
    try {
      const run = await runSource(id, {
        trigger: "manual",
        tuning: { baseDelayMs: 20, maxDelayMs: 100, maxTries: 2 },
      });
      expect(run?.error?.kind).toBe("network");
      expect(s3.requests.filter((r) => r.operation === "ListObjectsV2")).toHaveLength(2);
      expect((await getSource(id))?.checkpoint).toBeNull();
    } finally {
      delete process.env.TRIPLINE_PULL_TIMEOUT_SECONDS;
    }
  });

  describe("with an assumed role", () => {
    let sts: FakeSts;
    beforeEach(async () => {
      sts = await startFakeSts();
    });
    afterEach(async () => {
      await sts.close();
    });

    it("signs S3 requests with the role's keys from STS", async () => {
      layOutBucket();
      const roleArn = "arn:aws:iam::111122223333:role/tripline-reader";
      const id = await trailSource({ roleArn, externalId: "tripline-ext", stsEndpoint: sts.url });

      const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
      expect(run?.status).toBe("succeeded");
      expect(sts.assumed).toEqual([
        { roleArn, externalId: "tripline-ext", signedWith: USER_KEY_ID },
      ]);
      expect(s3.requests.every((r) => r.accessKeyId === ASSUMED_KEY_ID)).toBe(true);
    });
  });

  it("an object the database failed to store is read again by the next run, stored once", async () => {
    layOutBucket();
    // A database fault while one object's events are stored (not a fault of its content).
    await pool().query(`
      CREATE FUNCTION refuse_bob() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.actor LIKE '%bob%' THEN RAISE EXCEPTION 'disk full (test)'; END IF;
        RETURN NEW;
      END $$`);
    await pool().query(
      "CREATE TRIGGER refuse_bob BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION refuse_bob()",
    );
    const id = await trailSource();
    try {
      const first = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
      expect(first?.status).toBe("failed");
      expect(first?.error?.kind).toBe("internal");
      expect(first?.error?.message).toContain("reads it again");
      expect((await getSource(id))?.checkpoint).toBeNull();
    } finally {
      await pool().query("DROP TRIGGER refuse_bob ON event");
      await pool().query("DROP FUNCTION refuse_bob()");
    }

    const second = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(second?.status).toBe("succeeded");
    expect(await storedEvents()).toBe(4);
    const { rows } = await pool().query(
      "SELECT count(*)::int AS n FROM event WHERE actor LIKE '%bob%'",
    );
    expect(rows[0].n).toBe(1);
  });
});
