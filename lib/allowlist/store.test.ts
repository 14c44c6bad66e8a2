import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listAlerts } from "../alerts/queries";
import { AlertPage } from "../alerts/schemas";
import { db } from "../db/client";
import { ingestFiles } from "../ingest/pipeline";
import { fixtureUpload, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { globToRegex } from "./glob";
import { createAllowlistEntry, deleteAllowlistEntry } from "./store";
import { reevaluateAllAlerts } from "./suppression";

giveEachFileATestDatabase();

const SAMPLE = "stratus-red-team/aws.persistence.iam-create-backdoor-role.json";
const page = (suppression: "active" | "suppressed") =>
  AlertPage.parse({ range: "all", suppression });
const inAYear = () => new Date(Date.now() + 365 * 86_400_000);

describe("allowlist suppression", () => {
  let actor = "";

  beforeAll(async () => {
    await ingestFiles([fixtureUpload(path.join(SAMPLES_DIR, SAMPLE))], "cli");
    const { rows } = await listAlerts(page("active"));
    expect(rows.length).toBeGreaterThan(0);
    actor = rows[0]?.actor ?? "";
  });

  it("suppresses matching alerts without deleting them, and brings them back on delete", async () => {
    const before = (await listAlerts(page("active"))).total;
    const entry = await createAllowlistEntry({
      name: "backdoor test",
      actorPattern: `${actor.slice(0, 5)}*`,
      reason: "expected automation",
      owner: "soc",
      expiresAt: inAYear(),
    });

    const suppressed = await listAlerts(page("suppressed"));
    expect(suppressed.total).toBeGreaterThan(0);
    expect(suppressed.rows.every((r) => r.suppressedBy?.id === entry.id)).toBe(true);
    expect((await listAlerts(page("active"))).total).toBe(before - suppressed.total);

    await deleteAllowlistEntry(entry.id);
    expect((await listAlerts(page("suppressed"))).total).toBe(0);
    expect((await listAlerts(page("active"))).total).toBe(before);
  });

  it("a pattern that does not match suppresses nothing", async () => {
    const entry = await createAllowlistEntry({
      name: "other",
      actorPattern: "no-such-actor-*",
      reason: "r",
      owner: "o",
      expiresAt: inAYear(),
    });
    expect((await listAlerts(page("suppressed"))).total).toBe(0);
    await deleteAllowlistEntry(entry.id);
  });

  it("stops suppressing at its expiry without any user action", async () => {
    const entry = await db().allowlistEntry.create({
      data: {
        name: "short-lived",
        actorPattern: actor,
        actorRegex: globToRegex(actor),
        reason: "r",
        owner: "o",
        expiresAt: new Date(Date.now() + 1500),
      },
    });
    await reevaluateAllAlerts();
    expect((await listAlerts(page("suppressed"))).total).toBeGreaterThan(0);

    await db().allowlistEntry.update({
      where: { id: entry.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await listAlerts(page("suppressed"))).total).toBe(0);
  });

  it("refuses to delete an entry that does not exist", async () => {
    await expect(deleteAllowlistEntry("00000000-0000-0000-0000-000000000000")).rejects.toThrow(
      /no longer exists/,
    );
  });
});
