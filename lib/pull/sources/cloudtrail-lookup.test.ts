import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../../testing/test-database";
import { runSource } from "../run-source";
import { type FakeCloudTrail, startFakeCloudTrail } from "../testing/fake-cloudtrail";
import {
  addTestSource,
  alertCounts,
  clearStoredData,
  FAST_RETRIES,
  storedEvents,
  useTestSecretKey,
} from "../testing/pull-fixtures";
import { trailEvent } from "../testing/trail-records";

giveEachFileATestDatabase();

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
let cloudtrail: FakeCloudTrail;

beforeAll(() => useTestSecretKey());

beforeEach(async () => {
  await clearStoredData();
  cloudtrail = await startFakeCloudTrail();
});

afterEach(async () => {
  await cloudtrail.close();
});

function lookupSource() {
  return addTestSource(
    {
      kind: "aws-lookup",
      startFrom: hoursAgo(6),
      lookbackMinutes: 30,
      region: "us-east-1",
      accessKeyId: "AKIAEXAMPLELOOKUP001",
      cloudtrailEndpoint: cloudtrail.url,
    },
    { secretAccessKey: "exampleSecretAccessKeyForTests0000000000" },
  );
}

describe("CloudTrail event history (LookupEvents)", () => {
  it("pages through NextToken at no more than two requests a second", async () => {
    cloudtrail.records.push(
      trailEvent("11", "CreateKeyPair", hoursAgo(5)),
      trailEvent("12", "DescribeInstances", hoursAgo(4)),
      trailEvent("13", "DescribeInstances", hoursAgo(3)),
      trailEvent("14", "RunInstances", hoursAgo(2)),
      trailEvent("15", "DescribeInstances", hoursAgo(1)),
    );
    cloudtrail.faults.add({
      status: 400,
      body: JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }),
    });
    cloudtrail.faults.add({ status: 500, body: JSON.stringify({ __type: "InternalFailure" }) });
    const id = await lookupSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error).toBeNull();
    expect(run?.totals).toMatchObject({ files: 3, fetched: 5, stored: 5 });
    expect(await storedEvents()).toBe(5);
    expect(await alertCounts()).toEqual({ parity: 2, hardened: 2 });
    const gaps = cloudtrail.requestTimes
      .slice(1)
      .map((t, i) => t - (cloudtrail.requestTimes[i] ?? 0));
    // The documented limit is 2 requests per second per account and region.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(490);
  });

  it("an unknown access key is unauthorised", async () => {
    cloudtrail.faults.add({
      status: 400,
      body: JSON.stringify({ __type: "UnrecognizedClientException", message: "invalid token" }),
    });
    const id = await lookupSource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("unauthorised");
  });
});
