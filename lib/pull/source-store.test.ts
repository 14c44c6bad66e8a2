import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { saveCheckpoint } from "./checkpoint";
import { SourceSettings } from "./settings";
import { savedSourceDetails } from "./source-changes";
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

  it("wants the secret again when an edit changes where it goes, naming the change", async () => {
    const id = await createSource({ ...draft, secrets: { secretAccessKey: SECRET } }, "admin");
    const elsewhere = { ...settings, s3Endpoint: "https://s3.attacker.example" };

    await expect(updateSource(id, { ...draft, settings: elsewhere, secrets: {} })).rejects.toThrow(
      "Enter the secret access key again: the S3 endpoint changed",
    );
    const other = { ...settings, accessKeyId: "AKIAOTHERKEYEXAMPLE1" };
    await expect(updateSource(id, { ...draft, settings: other, secrets: {} })).rejects.toThrow(
      /access key id changed/,
    );
    const pathStyle = { ...settings, forcePathStyle: true };
    await expect(updateSource(id, { ...draft, settings: pathStyle, secrets: {} })).rejects.toThrow(
      /path-style setting changed/,
    );
    expect((await getSource(id))?.settings).toEqual(settings);

    expect(await updateSource(id, { ...draft, name: "renamed", secrets: {} })).toEqual(["name"]);
    const typed = { secretAccessKey: "anotherSecretAccessKeyExample00000000000" };
    const edit = { ...draft, name: "renamed", settings: elsewhere, secrets: typed };
    const changed = await updateSource(id, edit);
    expect(changed).toEqual(["s3Endpoint"]);
    const details = savedSourceDetails(elsewhere, typed, changed);
    expect(details).toEqual({
      kind: "aws-s3",
      changed: "s3Endpoint",
      secretsEntered: "secretAccessKey",
    });
    expect(JSON.stringify(details)).not.toContain(typed.secretAccessKey);
  });

  it("wants the client secret again for a new authority, tenant, client or Graph URL", async () => {
    const entra = SourceSettings.parse({
      kind: "entra-graph",
      startFrom: "2024-03-05T00:00:00Z",
      lookbackMinutes: 30,
      tenantId: "contoso.example",
      clientId: "00000000-0000-4000-8000-000000000001",
      credentialType: "secret",
    });
    const secrets = { clientSecret: "stored-client-secret" };
    const id = await createSource({ ...draft, settings: entra, secrets }, "admin");

    for (const change of [
      { authorityHost: "https://login.attacker.example" },
      { tenantId: "fabrikam.example" },
      { clientId: "00000000-0000-4000-8000-000000000002" },
      { graphBaseUrl: "https://graph.attacker.example" },
    ]) {
      const edited = { ...entra, ...change };
      await expect(
        updateSource(id, { ...draft, settings: edited, secrets: {} }),
        JSON.stringify(change),
      ).rejects.toThrow(/^Enter the client secret again: the .+ changed/);
    }
    const moved = { ...entra, authorityHost: "https://login.microsoftonline.us" };
    expect(await updateSource(id, { ...draft, settings: moved, secrets })).toEqual([
      "authorityHost",
    ]);
  });

  it("refuses a second source with the same name, whatever its case", async () => {
    const secrets = { secretAccessKey: SECRET };
    const first = await createSource({ ...draft, name: "Prod trail", secrets }, "admin");
    const second = await createSource({ ...draft, name: "dev trail", secrets }, "admin");

    await expect(createSource({ ...draft, name: "prod TRAIL", secrets }, "admin")).rejects.toThrow(
      "A source named “prod TRAIL” already exists",
    );
    await expect(
      updateSource(second, { ...draft, name: "Prod trail", secrets: {} }),
    ).rejects.toThrow(/already exists/);
    expect(await updateSource(first, { ...draft, name: "Prod trail", secrets: {} })).toEqual([]);
  });
});
