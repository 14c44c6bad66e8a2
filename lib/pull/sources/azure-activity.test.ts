import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../../testing/test-database";
import { runSource } from "../run-source";
import { getSource } from "../source-store";
import { activityRecord, SUBSCRIPTION, TENANT } from "../testing/azure-records";
import { type FakeArm, startFakeArm } from "../testing/fake-arm";
import { type FakeEntra, fakeToken, startFakeEntra } from "../testing/fake-entra";
import {
  addTestSource,
  alertCounts,
  clearStoredData,
  FAST_RETRIES,
  storedEvents,
  useTestSecretKey,
} from "../testing/pull-fixtures";
import { makeTestCertificates, type TestCertificates } from "../testing/test-certificates";

giveEachFileATestDatabase();

const CLIENT_ID = "00000000-0000-4000-8000-0000000000a1";
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

let certificates: TestCertificates;
let entra: FakeEntra;
let arm: FakeArm;

beforeAll(async () => {
  useTestSecretKey();
  certificates = makeTestCertificates();
  entra = await startFakeEntra(certificates);
});

afterAll(async () => {
  await entra.close();
});

beforeEach(async () => {
  await clearStoredData();
  arm = await startFakeArm(fakeToken(CLIENT_ID));
});

afterEach(async () => {
  await arm.close();
});

function activitySource() {
  return addTestSource(
    {
      kind: "azure-activity",
      startFrom: hoursAgo(30),
      lookbackMinutes: 30,
      caCertificate: certificates.serverCert,
      tenantId: TENANT,
      clientId: CLIENT_ID,
      authorityHost: entra.url,
      credentialType: "secret",
      armBaseUrl: arm.url,
      subscriptionId: SUBSCRIPTION,
    },
    { clientSecret: "test-client-secret" },
  );
}

describe("Azure Activity Log through Resource Manager", () => {
  it("reads each day's nextLink pages, through 429 and 500 answers", async () => {
    arm.records.push(
      activityRecord(1, "Microsoft.Authorization/roleAssignments/write", hoursAgo(28)),
      activityRecord(2, "Microsoft.Storage/storageAccounts/read", hoursAgo(27)),
      activityRecord(3, "Microsoft.Storage/storageAccounts/read", hoursAgo(26)),
      activityRecord(4, "Microsoft.Compute/virtualMachines/write", hoursAgo(2)),
      activityRecord(5, "Microsoft.Storage/storageAccounts/read", hoursAgo(1)),
    );
    arm.faults.add({ status: 429, headers: { "retry-after": "1" } });
    arm.faults.add({ status: 500 });
    const id = await activitySource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error).toBeNull();
    expect(run?.totals).toMatchObject({ fetched: 5, stored: 5, duplicates: 0 });
    // Two one-day windows; the first has three records, so two pages.
    expect(arm.requests.filter((r) => r === "page 2")).toHaveLength(1);
    expect(await storedEvents()).toBe(5);
    expect(await alertCounts()).toEqual({ parity: 2, hardened: 2 });
    expect((await getSource(id))?.checkpoint).not.toBeNull();

    const again = await runSource(id, { trigger: "schedule", tuning: FAST_RETRIES });
    expect(again?.status).toBe("succeeded");
    // The look-back re-reads the last half hour; nothing is new.
    expect(again?.totals.stored).toBe(0);
  });

  it("a 401 from Resource Manager stops the run as unauthorised", async () => {
    arm.faults.add({
      status: 401,
      body: JSON.stringify({ error: { code: "AuthorizationFailed" } }),
    });
    const id = await activitySource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("unauthorised");
    expect(run?.error?.message).toContain("AuthorizationFailed");
    expect((await getSource(id))?.checkpoint).toBeNull();
  });

  it("a subscription that does not exist is not found", async () => {
    arm.faults.add({
      status: 404,
      body: JSON.stringify({ error: { code: "SubscriptionNotFound" } }),
    });
    const id = await activitySource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("not_found");
  });
});
