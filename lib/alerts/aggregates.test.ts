import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { pivotEvents } from "../events/queries";
import { ingestFiles } from "../ingest/pipeline";
import { fixtureUpload, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { alertWhere } from "./filter-where";
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

describe("the two filter translations", () => {
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
  ])("agree on %j", async (fields) => {
    const filter = AlertFilter.parse({ range: "all", suppression: "all", ...fields });
    const viaPrisma = await db().alert.count({ where: alertWhere(filter) });
    expect(await countTarget({ filter })).toBe(viaPrisma);
  });
});

describe("wildcards typed in a filter", () => {
  it.each(["%", "_"])("%s matches itself, not anything", async (text) => {
    const filter = AlertFilter.parse({ range: "all", suppression: "all", actor: text });
    const actors = await db().alert.findMany({ select: { actor: true } });
    const literal = actors.filter((a) => a.actor.includes(text)).length;
    expect(actors.length).toBeGreaterThan(0);
    expect(await db().alert.count({ where: alertWhere(filter) })).toBe(literal);
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
