import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db/client";
import { ingestFiles } from "../ingest/pipeline";
import { fixtureUpload, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { AlertFilter } from "./schemas";
import { addComment, alertActivity, applyTriage, countTarget } from "./triage";
import { TriageChange } from "./triage-schemas";

giveEachFileATestDatabase();

const SAMPLE = "panther-analysis/cases-AWSCloudTrail.jsonl";
let ids: bigint[] = [];

beforeAll(async () => {
  await ingestFiles([fixtureUpload(path.join(SAMPLES_DIR, SAMPLE))], "cli");
  ids = (await db().alert.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map(
    (a) => a.id,
  );
  expect(ids.length).toBeGreaterThan(5);
});

describe("triage changes", () => {
  it("refuses to close without a classification", () => {
    expect(TriageChange.safeParse({ status: "closed" }).success).toBe(false);
    expect(
      TriageChange.safeParse({ status: "open", classification: "false_positive" }).success,
    ).toBe(false);
    expect(TriageChange.safeParse({}).success).toBe(false);
  });

  it("closes an alert and records who changed what, from and to", async () => {
    const id = ids[0] as bigint;
    const change = TriageChange.parse({
      status: "closed",
      classification: "true_positive",
      note: "confirmed with the account owner",
    });
    expect(await applyTriage({ ids: [id] }, change, "ana@example.com")).toBe(1);

    const alert = await db().alert.findUniqueOrThrow({ where: { id } });
    expect(alert).toMatchObject({
      status: "closed",
      classification: "true_positive",
      closingNote: "confirmed with the account owner",
    });
    expect(alert.closedAt).toBeInstanceOf(Date);
    const { changes } = await alertActivity(id);
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue, c.by])).toEqual([
      ["status", "open", "closed", "ana@example.com"],
      ["classification", null, "true_positive", "ana@example.com"],
    ]);
  });

  it("reopening clears the classification and records it", async () => {
    const id = ids[0] as bigint;
    await applyTriage({ ids: [id] }, TriageChange.parse({ status: "open" }), "bo@example.com");
    const alert = await db().alert.findUniqueOrThrow({ where: { id } });
    expect(alert.classification).toBeNull();
    expect(alert.closedAt).toBeNull();
    const { changes } = await alertActivity(id);
    expect(changes.at(-1)).toMatchObject({ field: "classification", newValue: null });
  });

  it("acknowledges everything matching a filter, after counting it", async () => {
    const filter = AlertFilter.parse({ range: "all", rule: "hardened" });
    const expected = await db().alert.count({ where: { rule: "hardened" } });
    expect(await countTarget({ filter })).toBe(expected);

    const changed = await applyTriage(
      { filter },
      TriageChange.parse({ status: "acknowledged" }),
      "bo@example.com",
    );
    expect(changed).toBe(expected);
    expect(await db().alert.count({ where: { rule: "hardened", status: "acknowledged" } })).toBe(
      expected,
    );
    expect(
      await db().alert.count({ where: { rule: "sentinel-parity", status: "acknowledged" } }),
    ).toBe(0);
  });

  it("records nothing for a change that changes nothing", async () => {
    const id = ids[1] as bigint;
    const before = (await alertActivity(id)).changes.length;
    await applyTriage({ ids: [id] }, TriageChange.parse({ assignee: null }), "bo@example.com");
    expect((await alertActivity(id)).changes.length).toBe(before);
  });

  it("keeps comments in order and refuses them on unknown alerts", async () => {
    const id = ids[2] as bigint;
    await addComment(id, "ana@example.com", "first");
    await addComment(id, "bo@example.com", "second");
    expect((await alertActivity(id)).comments.map((c) => c.body)).toEqual(["first", "second"]);
    await expect(addComment(999_999_999n, "ana@example.com", "x")).rejects.toThrow(/not exist/);
  });
});
