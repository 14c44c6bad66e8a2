import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CASES_DIR } from "../../testing/fixtures";
import { giveEachFileATestDatabase } from "../../testing/test-database";
import { runSource } from "../run-source";
import { getSource } from "../source-store";
import { azureActivityRow, cloudTrailRow, TENANT } from "../testing/azure-records";
import { type FakeEntra, fakeToken, startFakeEntra } from "../testing/fake-entra";
import { type FakeLogAnalytics, startFakeLogAnalytics } from "../testing/fake-log-analytics";
import {
  addTestSource,
  alertCounts,
  clearStoredData,
  FAST_RETRIES,
  storedEvents,
  useTestSecretKey,
} from "../testing/pull-fixtures";
import { makeTestCertificates, type TestCertificates } from "../testing/test-certificates";
import { rowsAsRecords, tableQuery } from "./log-analytics";

giveEachFileATestDatabase();

const CLIENT_ID = "00000000-0000-4000-8000-0000000000b2";
const WORKSPACE = "12345678-90ab-4cde-8f01-234567890abc";
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

let certificates: TestCertificates;
let entra: FakeEntra;
let workspace: FakeLogAnalytics;

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
  workspace = await startFakeLogAnalytics(certificates, WORKSPACE, fakeToken(CLIENT_ID));
});

afterEach(async () => {
  await workspace.close();
});

function workspaceSource() {
  return addTestSource(
    {
      kind: "log-analytics",
      startFrom: hoursAgo(10).toISOString(),
      lookbackMinutes: 30,
      caCertificate: certificates.serverCert,
      tenantId: TENANT,
      clientId: CLIENT_ID,
      authorityHost: entra.url,
      credentialType: "secret",
      logAnalyticsBaseUrl: workspace.url,
      workspaceId: WORKSPACE,
      tables: ["AuditLogs", "AzureActivity", "AWSCloudTrail"],
    },
    { clientSecret: "test-client-secret" },
  );
}

/** Case 23's AuditLogs export rows, as the workspace holds them. */
function case23Rows(): Record<string, unknown>[] {
  const file = path.join(CASES_DIR, "23-entra-la-export-pascalcase.json");
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];
}

describe("Log Analytics / Sentinel workspace", () => {
  it("maps each table's rows to export rows and stores them like an export", async () => {
    for (const row of case23Rows()) workspace.addRow("AuditLogs", hoursAgo(8), row);
    workspace.addRow(
      "AzureActivity",
      hoursAgo(3),
      azureActivityRow(
        1,
        "Microsoft.Authorization/roleAssignments/write",
        hoursAgo(3).toISOString(),
      ),
    );
    workspace.addRow(
      "AWSCloudTrail",
      hoursAgo(1),
      cloudTrailRow(1, "CreateKeyPair", hoursAgo(1).toISOString()),
    );
    workspace.addRow(
      "AWSCloudTrail",
      hoursAgo(1),
      cloudTrailRow(2, "DescribeInstances", hoursAgo(1).toISOString()),
    );
    // Faults in the mix: throttled once, a server error once.
    workspace.faults.add({ status: 429, headers: { "retry-after": "1" } });
    workspace.faults.add({ status: 500 });
    const id = await workspaceSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error).toBeNull();
    expect(run?.totals).toMatchObject({ fetched: 6, stored: 6, rejected: 0 });
    expect(await storedEvents()).toBe(6);
    // Case 23's rows raise 0 / 2; the role assignment and the key pair one of each rule.
    expect(await alertCounts()).toEqual({ parity: 2, hardened: 4 });
    expect((await getSource(id))?.checkpoint).not.toBeNull();
  });

  it("a workspace the app may not read stops the run as unauthorised", async () => {
    workspace.faults.add({
      status: 403,
      body: JSON.stringify({ error: { code: "InsufficientAccessError" } }),
    });
    const id = await workspaceSource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("unauthorised");
    expect(run?.error?.message).toContain("InsufficientAccessError");
  });

  it("a partial result is refused, never stored as complete", async () => {
    workspace.faults.add({
      status: 200,
      body: JSON.stringify({ tables: [], error: { code: "PartialError" } }),
    });
    const id = await workspaceSource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("rejected");
    expect((await getSource(id))?.checkpoint).toBeNull();
  });

  it("a Retry-After past the ceiling ends the run at once as throttled", async () => {
    workspace.faults.add({ status: 429, headers: { "retry-after": "3600" } });
    const id = await workspaceSource();
    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(run?.error?.kind).toBe("throttled");
    // One request: neither Tripline nor the SDK waited an hour or asked again.
    expect(workspace.queries).toHaveLength(1);
    expect((await getSource(id))?.checkpoint).toBeNull();
  });

  it("builds queries from the closed table list and names each row's table", () => {
    const query = tableQuery(
      "AuditLogs",
      new Date("2024-03-05T00:00:00Z"),
      new Date("2024-03-05T06:00:00Z"),
    );
    expect(query).toBe(
      "AuditLogs\n| where ingestion_time() > datetime(2024-03-05T00:00:00.000Z) and ingestion_time() <= datetime(2024-03-05T06:00:00.000Z)",
    );
    const rows = rowsAsRecords("AWSCloudTrail", {
      tables: [{ name: "PrimaryResult", columns: [{ name: "EventName" }], rows: [["CreateUser"]] }],
    });
    expect(rows).toEqual([{ Type: "AWSCloudTrail", EventName: "CreateUser" }]);
  });
});
