import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { saveCheckpoint } from "./checkpoint";
import { SourceSettings } from "./settings";
import { createSource, getSource, listSources, updateSource } from "./source-store";
import { clearStoredData, useTestSecretKey } from "./testing/pull-fixtures";

giveEachFileATestDatabase();

const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const settings = SourceSettings.parse({
  kind: "aws-s3",
  startFrom: "2024-03-05T00:00:00Z",
  lookbackMinutes: 60,
  region: "us-east-1",
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  bucket: "trail-bucket",
});
const draft = { name: "trail", intervalMinutes: 15, enabled: true, settings };

let savedKey: string | undefined;
beforeAll(() => {
  savedKey = process.env.TRIPLINE_SECRET_KEY;
});
afterAll(() => {
  process.env.TRIPLINE_SECRET_KEY = savedKey;
});

beforeEach(async () => {
  useTestSecretKey();
  await clearStoredData();
});

describe("pull sources", () => {
  it("stores secrets sealed and never shows them again", async () => {
    const id = await createSource({ ...draft, secrets: { secretAccessKey: SECRET } }, "admin");

    const { rows } = await pool().query("SELECT * FROM pull_source WHERE id = $1", [id]);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const view = await getSource(id);
    expect(view?.storedSecrets).toEqual(["secretAccessKey"]);
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(await listSources())).not.toContain(SECRET);
  });

  it("keeps a stored secret when the form leaves it empty", async () => {
    const id = await createSource({ ...draft, secrets: { secretAccessKey: SECRET } }, "admin");
    const before = (await pool().query("SELECT sealed_secrets FROM pull_source")).rows[0];

    await updateSource(id, { ...draft, name: "renamed", secrets: {} });

    const after = (await pool().query("SELECT name, sealed_secrets FROM pull_source")).rows[0];
    expect(after.name).toBe("renamed");
    expect(after.sealed_secrets).not.toBe(before.sealed_secrets);
    expect((await getSource(id))?.storedSecrets).toEqual(["secretAccessKey"]);
  });

  it("refuses to store a secret without the key, and a source without its secret", async () => {
    await expect(createSource({ ...draft, secrets: {} }, "admin")).rejects.toThrow(
      /secret access key/,
    );
    delete process.env.TRIPLINE_SECRET_KEY;
    await expect(
      createSource({ ...draft, secrets: { secretAccessKey: SECRET } }, "admin"),
    ).rejects.toThrow(/TRIPLINE_SECRET_KEY/);
    expect((await pool().query("SELECT count(*)::int AS n FROM pull_source")).rows[0].n).toBe(0);
  });

  it("restarts from a new start time: checkpoint and processed objects are reset", async () => {
    const id = await createSource({ ...draft, secrets: { secretAccessKey: SECRET } }, "admin");
    await saveCheckpoint(id, new Date("2024-03-06T00:00:00Z"));
    await pool().query(
      "INSERT INTO pull_object (source_id, key, etag, day, status) VALUES ($1, 'k', 'e', '2024-03-05', 'succeeded')",
      [id],
    );

    await updateSource(id, { ...draft, secrets: {} });
    expect((await getSource(id))?.checkpoint).not.toBeNull();

    const moved = { ...settings, startFrom: "2024-03-01T00:00:00Z" };
    await updateSource(id, { ...draft, settings: moved, secrets: {} });
    expect((await getSource(id))?.checkpoint).toBeNull();
    expect((await pool().query("SELECT count(*)::int AS n FROM pull_object")).rows[0].n).toBe(0);
  });

  it("never moves a checkpoint back", async () => {
    const id = await createSource({ ...draft, secrets: { secretAccessKey: SECRET } }, "admin");
    await saveCheckpoint(id, new Date("2024-03-06T00:00:00Z"));
    await saveCheckpoint(id, new Date("2024-03-05T00:00:00Z"));
    expect((await getSource(id))?.checkpoint?.through).toBe("2024-03-06T00:00:00.000Z");
  });
});
