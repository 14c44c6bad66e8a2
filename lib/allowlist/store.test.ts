import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listAlerts } from "../alerts/queries";
import { AlertPage } from "../alerts/schemas";
import { applyTriage } from "../alerts/triage";
import { TriageChange } from "../alerts/triage-schemas";
import { db } from "../db/client";
import { ingestFiles } from "../ingest/pipeline";
import { fixtureUpload, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { globToRegex } from "./glob";
import { previewAllowlistEntry } from "./preview";
import { AllowlistEntryInput } from "./schemas";
import {
  allowlistHistory,
  createAllowlistEntry,
  deleteAllowlistEntry,
  setAllowlistEntryEnabled,
  updateAllowlistEntry,
} from "./store";
import { reevaluateAllAlerts } from "./suppression";

giveEachFileATestDatabase();

const SAMPLES = [
  "stratus-red-team/aws.persistence.iam-create-backdoor-role.json",
  "panther-analysis/cases-AzureActivity.jsonl",
  "panther-analysis/cases-AWSCloudTrail.jsonl",
  "trailscraper/111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json",
];
const BY = "admin@example.com";
const page = (suppression: "active" | "suppressed") =>
  AlertPage.parse({ range: "all", suppression });
const suppressedCount = async () => (await listAlerts(page("suppressed"))).total;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const entry = (fields: Record<string, unknown>) =>
  AllowlistEntryInput.parse({
    name: "test entry",
    reason: "expected automation",
    owner: "soc",
    expiresAt: inDays(30),
    ...fields,
  });

/** Ingests one CloudTrail CreateUser call by IAM user `userName` from `sourceIp`. */
async function ingestCreateUser(userName: string, sourceIp: string, eventTime: string) {
  const record = {
    eventVersion: "1.08",
    eventID: `${userName}-allowlist-test`,
    eventTime,
    eventSource: "iam.amazonaws.com",
    eventName: "CreateUser",
    sourceIPAddress: sourceIp,
    userIdentity: { type: "IAMUser", userName, accountId: "111122223333" },
    recipientAccountId: "111122223333",
  };
  const stream = (async function* () {
    yield new TextEncoder().encode(JSON.stringify({ Records: [record] }));
  })();
  await ingestFiles([{ name: `${userName}.json`, stream }], "cli");
}

let awsAlert = { actor: "", operation: "", account: "" };

beforeAll(async () => {
  await ingestFiles(
    SAMPLES.map((f) => fixtureUpload(path.join(SAMPLES_DIR, f), f)),
    "cli",
  );
  const first = await db().alert.findFirstOrThrow({
    where: { sourceTable: "AWSCloudTrail", actorType: "IAMUser" },
  });
  awsAlert = first;
});

describe("allowlist suppression", () => {
  it("suppresses matching alerts without deleting them, and brings them back on delete", async () => {
    const before = (await listAlerts(page("active"))).total;
    const created = await createAllowlistEntry(entry({ actorPattern: awsAlert.actor }), BY);

    const suppressed = await listAlerts(page("suppressed"));
    expect(suppressed.total).toBeGreaterThan(0);
    expect(suppressed.rows.every((r) => r.suppressedBy?.id === created.id)).toBe(true);
    expect((await listAlerts(page("active"))).total).toBe(before - suppressed.total);

    await deleteAllowlistEntry(created.id, BY);
    expect(await suppressedCount()).toBe(0);
    expect((await listAlerts(page("active"))).total).toBe(before);
  });

  it("requires every condition to hold", async () => {
    const base = { actorPattern: awsAlert.actor };
    const cases: [Record<string, unknown>, boolean][] = [
      [{ operations: awsAlert.operation.toUpperCase() }, true],
      [{ operations: "NoSuchOperation" }, false],
      [{ accounts: awsAlert.account }, true],
      [{ accounts: "000000000000" }, false],
      [{ sources: ["AWSCloudTrail"] }, true],
      [{ sources: ["AzureActivity"] }, false],
      [{ ipRanges: "198.51.100.0/24" }, false],
      [{ userAgentPattern: "no-such-agent/*" }, false],
    ];
    for (const [extra, suppresses] of cases) {
      const created = await createAllowlistEntry(entry({ ...base, ...extra }), BY);
      expect((await suppressedCount()) > 0, JSON.stringify(extra)).toBe(suppresses);
      await deleteAllowlistEntry(created.id, BY);
    }
  });

  it("matches Azure callers by IP range, IPv4 and IPv6", async () => {
    const azure = await db().alert.findFirstOrThrow({
      where: { sourceTable: "AzureActivity", sourceIp: { not: null } },
    });
    const ip = azure.sourceIp as string;
    const range = ip.includes(":") ? `${ip}/128` : `${ip}/32`;
    const created = await createAllowlistEntry(entry({ actorPattern: "*", ipRanges: range }), BY);
    const suppressed = await listAlerts(page("suppressed"));
    expect(suppressed.total).toBeGreaterThan(0);
    expect(suppressed.rows.every((r) => r.sourceIp === ip)).toBe(true);
    await deleteAllowlistEntry(created.id, BY);
  });

  it("matches an IPv6 caller by an IPv6 range, and not by a neighbouring one", async () => {
    await ingestCreateUser("ipv6-admin", "2001:db8:85a3::8a2e:370:7334", "2025-01-01T00:00:00Z");

    const far = await createAllowlistEntry(
      entry({ actorPattern: "ipv6-admin", ipRanges: "2001:db8:85a4::/48" }),
      BY,
    );
    expect(await suppressedCount()).toBe(0);
    await deleteAllowlistEntry(far.id, BY);

    const near = await createAllowlistEntry(
      entry({ actorPattern: "ipv6-admin", ipRanges: "2001:db8:85a3::/48" }),
      BY,
    );
    const suppressed = await listAlerts(page("suppressed"));
    expect(suppressed.total).toBe(2);
    expect(suppressed.rows.every((r) => r.actor === "ipv6-admin")).toBe(true);
    await deleteAllowlistEntry(near.id, BY);
  });

  it("covers an IPv4-mapped caller by its IPv4 range, and not by a neighbouring one", async () => {
    await ingestCreateUser("mapped-admin", "::ffff:192.0.2.7", "2025-01-02T00:00:00Z");
    const stored = await db().alert.findFirstOrThrow({ where: { actor: "mapped-admin" } });
    expect(stored.sourceIp).toBe("::ffff:192.0.2.7");

    for (const [range, suppresses] of [
      ["192.0.3.0/24", false],
      ["192.0.2.0/24", true],
      ["192.0.2.7/32", true],
      ["::ffff:192.0.2.0/120", true],
    ] as const) {
      const created = await createAllowlistEntry(
        entry({ actorPattern: "mapped-admin", ipRanges: range }),
        BY,
      );
      expect(await suppressedCount(), range).toBe(suppresses ? 2 : 0);
      await deleteAllowlistEntry(created.id, BY);
    }
  });

  it("matches an AWS role session by its issuer's role ARN", async () => {
    const alert = await db().alert.findFirstOrThrow({
      where: { actorType: "AssumedRole" },
      include: { event: true },
    });
    const issuer = (alert.event.sentinel as Record<string, string>).SessionIssuerArn ?? "";
    expect(issuer).toMatch(/^arn:aws:iam::/);
    const created = await createAllowlistEntry(entry({ actorPattern: issuer }), BY);
    expect(await suppressedCount()).toBeGreaterThan(0);
    await deleteAllowlistEntry(created.id, BY);
  });

  it("disabling releases the alerts and enabling takes them again", async () => {
    const created = await createAllowlistEntry(entry({ actorPattern: awsAlert.actor }), BY);
    const held = await suppressedCount();
    await setAllowlistEntryEnabled(created.id, false, BY);
    expect(await suppressedCount()).toBe(0);
    await setAllowlistEntryEnabled(created.id, true, BY);
    expect(await suppressedCount()).toBe(held);
    await updateAllowlistEntry(created.id, entry({ actorPattern: "nobody-*" }), BY);
    expect(await suppressedCount()).toBe(0);
    await deleteAllowlistEntry(created.id, BY);
  });

  it("stops suppressing at its expiry without any user action", async () => {
    const created = await db().allowlistEntry.create({
      data: {
        name: "short-lived",
        actorPattern: awsAlert.actor,
        actorRegex: globToRegex(awsAlert.actor),
        reason: "r",
        owner: "o",
        expiresAt: inDays(1),
      },
    });
    await reevaluateAllAlerts();
    expect(await suppressedCount()).toBeGreaterThan(0);

    await db().allowlistEntry.update({
      where: { id: created.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await suppressedCount()).toBe(0);
    await db().allowlistEntry.delete({ where: { id: created.id } });
  });

  it("records every change with who, when, before and after", async () => {
    const created = await createAllowlistEntry(entry({ actorPattern: "x-*" }), BY);
    await setAllowlistEntryEnabled(created.id, false, "other@example.com");
    await deleteAllowlistEntry(created.id, BY);
    const history = await allowlistHistory(created.id);
    expect(history.map((h) => [h.action, h.by])).toEqual([
      ["deleted", BY],
      ["disabled", "other@example.com"],
      ["created", BY],
    ]);
    expect(history[1]?.before).toMatchObject({ enabled: true });
    expect(history[1]?.after).toMatchObject({ enabled: false });
    expect(history[0]?.after).toBeNull();
  });

  it("refuses to change an entry that does not exist", async () => {
    const missing = "00000000-0000-0000-0000-000000000000";
    await expect(deleteAllowlistEntry(missing, BY)).rejects.toThrow(/no longer exists/);
    await expect(setAllowlistEntryEnabled(missing, false, BY)).rejects.toThrow(/no longer/);
  });
});

describe("allowlist entry validation", () => {
  it("refuses a past expiry and one beyond the maximum", () => {
    expect(() => entry({ actorPattern: "a", expiresAt: inDays(-1) })).toThrow(/future/);
    expect(() => entry({ actorPattern: "a", expiresAt: inDays(400) })).toThrow(/at most 365/);
  });

  it("refuses an IP range that is not one", () => {
    expect(() => entry({ actorPattern: "a", ipRanges: "10.0.0.1/8" })).toThrow(/IP range/);
  });
});

describe("allowlist preview", () => {
  it("counts what an entry would suppress, by operation and actor, before saving", async () => {
    const draft = entry({ actorPattern: awsAlert.actor });
    const preview = await previewAllowlistEntry(draft);
    const created = await createAllowlistEntry(draft, BY);
    expect(preview.total).toBe(await suppressedCount());
    expect(preview.groups.every((g) => g.actor === awsAlert.actor)).toBe(true);
    await deleteAllowlistEntry(created.id, BY);
  });

  it("warns when the entry would hide an alert closed as a true positive", async () => {
    const target = await db().alert.findFirstOrThrow({ where: { actor: awsAlert.actor } });
    await applyTriage(
      { ids: [target.id] },
      TriageChange.parse({ status: "closed", classification: "true_positive" }),
      BY,
    );
    const preview = await previewAllowlistEntry(entry({ actorPattern: awsAlert.actor }));
    expect(preview.truePositives).toBe(1);
  });
});
