import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { pivotEvents } from "../events/queries";
import { ingestFiles } from "../ingest/pipeline";
import { fixtureUpload, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { groupAlerts } from "./grouping";
import { alertOverview } from "./overview";
import { AlertFilter } from "./schemas";
import { countTarget } from "./triage";

giveEachFileATestDatabase();

beforeAll(async () => {
  const files = [
    "panther-analysis/cases-AWSCloudTrail.jsonl",
    "panther-analysis/cases-AzureActivity.jsonl",
    "datadog-integrations/AuditLogs-samples.jsonl",
  ];
  await ingestFiles(
    files.map((f) => fixtureUpload(path.join(SAMPLES_DIR, f), f)),
    "cli",
  );
});

const all = AlertFilter.parse({ range: "all", suppression: "all" });

// A plain reading of each filter over every stored alert: the oracle the SQL must agree with.
const has = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());
type StoredAlert = Awaited<ReturnType<typeof storedAlerts>>[number];
const storedAlerts = () => db().alert.findMany();

function matches(alert: StoredAlert, f: AlertFilter, now: Date): boolean {
  const checks = [
    f.range !== "24h" || alert.eventTime.getTime() > now.getTime() - 86_400_000,
    !f.rule || alert.rule === f.rule,
    !f.source || alert.sourceTable === f.source,
    !f.operation || has(alert.operation, f.operation),
    !f.actor || has(alert.actor, f.actor),
    !f.operationIs || alert.operation === f.operationIs,
    !f.severity || alert.severity === f.severity,
    !f.confidence || alert.confidence === f.confidence,
    !f.q ||
      [alert.operation, alert.actor, alert.account, alert.explanation].some((t) =>
        has(t, f.q ?? ""),
      ),
  ];
  return checks.every(Boolean);
}

describe("the filter translation", () => {
  it.each([
    {},
    { rule: "hardened" },
    { source: "AzureActivity" },
    { operation: "create" },
    { actor: "A" },
    { q: "role" },
    { q: "100%_" },
    { actor: "%" },
    { actor: "_" },
    { operation: "Create_ser" },
    { q: "\\" },
    { severity: "critical", confidence: "high" },
    { operationIs: "CreateUser" },
    { range: "24h" },
    { q: "ROLE" },
  ])("counts what the filter says on %j", async (fields) => {
    const filter = AlertFilter.parse({ range: "all", suppression: "all", ...fields });
    const now = new Date();
    const expected = (await storedAlerts()).filter((a) => matches(a, filter, now)).length;
    expect(await countTarget({ filter })).toBe(expected);
  });

  it("has alerts to judge and filters that select some but not all", async () => {
    const alerts = await storedAlerts();
    const filter = AlertFilter.parse({ range: "all", suppression: "all", operation: "create" });
    const some = alerts.filter((a) => matches(a, filter, new Date())).length;
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(alerts.length);
  });
});

describe("free text holding the search text's separator", () => {
  it("matches within one column, never across two", async () => {
    const alert = await db().alert.findFirstOrThrow();
    const q = `${alert.operation.slice(-2)}\u001f${alert.actor.slice(0, 2)}`;
    const filter = AlertFilter.parse({ range: "all", suppression: "all", q });
    expect(await countTarget({ filter })).toBe(0);
  });
});

describe("wildcards typed in a filter", () => {
  it.each(["%", "_"])("%s matches itself, not anything", async (text) => {
    const filter = AlertFilter.parse({ range: "all", suppression: "all", actor: text });
    const actors = await db().alert.findMany({ select: { actor: true } });
    const literal = actors.filter((a) => a.actor.includes(text)).length;
    expect(actors.length).toBeGreaterThan(0);
    expect(await countTarget({ filter })).toBe(literal);
  });
});

describe("grouping", () => {
  it("counts alerts per actor, largest group first, adding up to the total", async () => {
    const groups = await groupAlerts(all, "actor");
    const total = await db().alert.count();
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(total);
    const counts = groups.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it("expands a group to exactly its alerts", async () => {
    const [first] = await groupAlerts(all, "operation");
    if (!first) throw new Error("no groups");
    const filter = AlertFilter.parse({ range: "all", suppression: "all", operationIs: first.key });
    expect(await countTarget({ filter })).toBe(first.count);
  });
});

describe("overview", () => {
  it("splits alerts by day, rule and severity, and counts open and suppressed", async () => {
    const overview = await alertOverview(all);
    const total = await db().alert.count();
    expect(overview.byDay.reduce((sum, d) => sum + d.count, 0)).toBe(total);
    expect(overview.topOperations.length).toBeLessThanOrEqual(10);
    expect(overview.suppression.open).toBe(await db().alert.count({ where: { status: "open" } }));
    expect(overview.suppression.suppressed).toBe(0);
  });
});

describe("investigation pivots", () => {
  it("finds the events of an alert's actor around its time", async () => {
    const alert = await db().alert.findFirstOrThrow({ where: { sourceTable: "AWSCloudTrail" } });
    const { rows, total } = await pivotEvents({
      actor: alert.actor,
      around: alert.eventTime,
      windowMinutes: 60,
      page: 1,
      pageSize: 50,
    });
    expect(total).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === alert.eventId)).toBe(true);
    expect(rows.every((r) => r.actor === alert.actor)).toBe(true);
  });

  it("finds the events from an alert's source IP", async () => {
    const alert = await db().alert.findFirstOrThrow({ where: { sourceIp: { not: null } } });
    const { rows } = await pivotEvents({
      sourceIp: alert.sourceIp ?? undefined,
      around: alert.eventTime,
      windowMinutes: 60,
      page: 1,
      pageSize: 50,
    });
    expect(rows.some((r) => r.id === alert.eventId)).toBe(true);
    expect(rows.every((r) => r.sourceIp === alert.sourceIp)).toBe(true);
  });
});
