import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ingestFiles } from "../ingest/pipeline";
import { fixtureUpload, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { exportAlerts } from "./export";
import { AlertFilter } from "./schemas";

giveEachFileATestDatabase();

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

beforeAll(async () => {
  const sample = path.join(SAMPLES_DIR, "panther-analysis/cases-AWSCloudTrail.jsonl");
  await ingestFiles([fixtureUpload(sample)], "cli");
});

describe("alert export", () => {
  it("exports exactly the filtered alerts as JSON", async () => {
    const filter = AlertFilter.parse({ range: "all", rule: "hardened" });
    const exported = JSON.parse(await collect(exportAlerts(filter, "json")));
    const expected = await db().alert.count({ where: { rule: "hardened" } });
    expect(exported).toHaveLength(expected);
    expect(exported.every((a: { rule: string }) => a.rule === "hardened")).toBe(true);
  });

  it("exports the same alerts as CSV, one row each under a header", async () => {
    const filter = AlertFilter.parse({ range: "all", rule: "sentinel-parity" });
    const csv = await collect(exportAlerts(filter, "csv"));
    const expected = await db().alert.count({ where: { rule: "sentinel-parity" } });
    const lines = csv.split("\r\n").filter((line) => line !== "");
    expect(lines[0]?.startsWith("id,rule,")).toBe(true);
    expect(lines).toHaveLength(expected + 1);
  });

  it("neutralises a formula-like actor in CSV", async () => {
    const alert = await db().alert.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db().alert.update({ where: { id: alert.id }, data: { actor: '=HYPERLINK("x")' } });
    const csv = await collect(exportAlerts(AlertFilter.parse({ range: "all" }), "csv"));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("gives an empty JSON array when nothing matches", async () => {
    const filter = AlertFilter.parse({ range: "all", actor: "nobody-at-all" });
    expect(JSON.parse(await collect(exportAlerts(filter, "json")))).toEqual([]);
  });
});
