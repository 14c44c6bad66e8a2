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
  arm = await startFakeArm(certificates, fakeToken(CLIENT_ID));
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

  it("Entra refusing the app stops the run as unauthorised, with no request to Resource Manager", async () => {
    entra.refusedClients.add(CLIENT_ID);
    try {
      const id = await activitySource();
      const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
      expect(run?.error?.kind).toBe("unauthorised");
      expect(arm.requests).toHaveLength(0);
    } finally {
      entra.refusedClients.delete(CLIENT_ID);
    }
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

  it("stays throttled: five tries in all, the SDK adds none, and nothing moves", async () => {
    arm.records.push(activityRecord(1, "Microsoft.Storage/storageAccounts/read", hoursAgo(2)));
    arm.faults.add({ status: 429, headers: { "retry-after": "0" } }, undefined, 5);
    const id = await activitySource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error?.kind).toBe("throttled");
    expect(arm.requests).toHaveLength(5);
    expect(await storedEvents()).toBe(0);
    expect((await getSource(id))?.checkpoint).toBeNull();
  });

  it("a 200 that is not JSON is refused, never read as an empty page", async () => {
    arm.faults.add({ status: 200, body: "<html>maintenance</html>" });
    const html = { "content-type": "text/html" };
    arm.faults.add({ status: 200, headers: html, body: "<html>maintenance</html>" });
    const id = await activitySource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("invalid_response");
    const again = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(again?.error?.kind).toBe("invalid_response");
    expect((await getSource(id))?.checkpoint).toBeNull();
  });

  it("a next link to another address stops the run; nothing is sent there", async () => {
    arm.faults.add({
      status: 200,
      body: JSON.stringify({ value: [], nextLink: "https://127.0.0.2:9/elsewhere" }),
    });
    const id = await activitySource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("invalid_response");
    expect(run?.error?.message).toContain("leaves");
  });

  it("an unreachable Resource Manager stops the run as a network error", async () => {
    const id = await activitySource();
    await arm.close();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("network");
    expect((await getSource(id))?.checkpoint).toBeNull();
  });
});
