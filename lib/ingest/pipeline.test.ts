import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { expectedSamples, fixtureUpload, SAMPLES_DIR, sampleFiles } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { ingestFiles, type UploadedFile } from "./pipeline";

giveEachFileATestDatabase();

async function emptyDatabase(): Promise<void> {
  await pool().query("TRUNCATE alert, event, ingest_file, ingest_job, allowlist_entry CASCADE");
}

async function alertCounts(): Promise<{ parity: number; hardened: number }> {
  const result = await pool().query<{ rule: string; count: string }>(
    "SELECT rule, count(*) FROM alert GROUP BY rule",
  );
  const byRule = new Map(result.rows.map((r) => [r.rule, Number(r.count)]));
  return { parity: byRule.get("sentinel-parity") ?? 0, hardened: byRule.get("hardened") ?? 0 };
}

/** An upload of the given text as one file. */
function textUpload(name: string, text: string): UploadedFile {
  const bytes = new TextEncoder().encode(text);
  return {
    name,
    stream: (async function* () {
      yield bytes;
    })(),
  };
}

const expected = expectedSamples();

describe("ingesting the public samples", () => {
  beforeEach(emptyDatabase);

  it("knows every sample file EXPECTED.json lists, and no other", () => {
    expect(sampleFiles()).toEqual(Object.keys(expected.perFile).sort());
  });

  it.each(sampleFiles())("%s alone gives the expected counts", async (file) => {
    const want = expected.perFile[file];
    if (!want) throw new Error(`EXPECTED.json has no entry for ${file}`);

    const job = await ingestFiles([fixtureUpload(path.join(SAMPLES_DIR, file), file)], "cli");
    const [result] = job.files;

    expect(result?.records).toBe(want.records);
    expect(result?.stored).toBe(want.stored);
    expect(await alertCounts()).toEqual({
      parity: want.parityAlerts,
      hardened: want.hardenedAlerts,
    });
  });

  it("all files together give the expected totals, and a second pass stores nothing", async () => {
    const uploads = () => sampleFiles().map((f) => fixtureUpload(path.join(SAMPLES_DIR, f), f));
    const first = await ingestFiles(uploads(), "cli");
    const stored = first.files.reduce((sum, f) => sum + f.stored, 0);

    expect(stored).toBe(expected.allFilesTogether.stored);
    expect(await alertCounts()).toEqual({
      parity: expected.allFilesTogether.parityAlerts,
      hardened: expected.allFilesTogether.hardenedAlerts,
    });

    const second = await ingestFiles(uploads(), "cli");
    expect(second.files.reduce((sum, f) => sum + f.stored, 0)).toBe(0);
    expect(second.files.reduce((sum, f) => sum + f.alerts, 0)).toBe(0);
    expect(await alertCounts()).toEqual({
      parity: expected.allFilesTogether.parityAlerts,
      hardened: expected.allFilesTogether.hardenedAlerts,
    });
  });
});

describe("id conflicts across batches", () => {
  beforeEach(emptyDatabase);

  function record(id: string, name: string): string {
    return JSON.stringify({
      eventVersion: "1.08",
      eventTime: "2024-01-01T00:00:00Z",
      eventSource: "iam.amazonaws.com",
      eventName: name,
      eventID: id,
      userIdentity: { type: "IAMUser", userName: "bob" },
    });
  }

  // Batches hold 2,000 events: record 1 is written in the first, record 2,001 in the second.
  const fillers = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => record(`filler-${from + i}`, "ListUsers"));

  it.each([
    [
      "on both sides of a batch boundary",
      [record("x", "ListUsers"), ...fillers(0, 1999), record("x", "ListRoles")],
    ],
    ["side by side", [record("x", "ListUsers"), record("x", "ListRoles"), ...fillers(0, 1999)]],
  ])("counts every record of the pair %s", async (_label, records) => {
    const job = await ingestFiles([textUpload("pair.jsonl", records.join("\n"))], "cli");
    const flagged = await pool().query("SELECT count(*)::int AS n FROM event WHERE id_conflict");
    expect(flagged.rows[0].n).toBe(2);
    expect(job.files[0]?.idConflicts).toBe(2);
  });
});

describe("lone surrogates", () => {
  beforeEach(emptyDatabase);

  it("are stored as U+FFFD and flagged, in columns and the Sentinel row, and the file is kept", async () => {
    // JSON escapes of half a surrogate pair, as a hostile or broken producer writes them.
    const text = String.raw`{"eventVersion":"1.08","eventTime":"2024-01-01T00:00:00Z",
      "eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventID":"id-\udc00",
      "userAgent":"bad \ud800 agent","userIdentity":{"type":"IAMUser","userName":"b\ud800ob"},
      "requestParameters":{"userName":"x\udbffy","pair":"\ud83d\udea8"}}`.replaceAll("\n", "");
    const upload = textUpload("lone.json", text);
    const job = await ingestFiles([upload], "cli");
    expect(job.files[0]).toMatchObject({ status: "succeeded", stored: 1, alerts: 2 });
    const row = await pool().query(
      `SELECT native_id, user_agent, actor, flags, raw, sentinel->>'UserAgent' AS sentinel_agent,
         sentinel->>'RequestParameters' AS parameters FROM event`,
    );
    expect(row.rows[0]).toMatchObject({
      native_id: "id-\ufffd",
      user_agent: "bad \ufffd agent",
      actor: "b\ufffdob",
      sentinel_agent: "bad \ufffd agent",
      raw: text,
    });
    expect(row.rows[0].flags).toContain("surrogate_replaced");
    // JSON text in a column keeps the escape: it is text, and PostgreSQL stores it as such.
    expect(row.rows[0].parameters).toBe(String.raw`{"userName":"x\udbffy","pair":"🚨"}`);
  });
});

describe("bytes that are not UTF-8", () => {
  beforeEach(emptyDatabase);

  const upload = (name: string, ...parts: (string | number[])[]): UploadedFile => {
    const encoded = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : p));
    const bytes = Uint8Array.from(encoded.flatMap((p) => [...p]));
    return {
      name,
      stream: (async function* () {
        yield bytes;
      })(),
    };
  };
  const flagsByAgent = async () => {
    const rows = await pool().query("SELECT user_agent, flags FROM event ORDER BY user_agent");
    return rows.rows.map((r) => [r.user_agent, r.flags.includes("utf8_replaced")]);
  };
  const call = (id: string) =>
    `{"eventTime":"2024-01-01T00:00:00Z","eventSource":"iam.amazonaws.com","eventName":"ListUsers","eventID":"${id}","userAgent":"`;

  it("are stored as U+FFFD and flagged; a U+FFFD the record carries is not", async () => {
    const file = upload(
      "bytes.jsonl",
      call("a"),
      "bad ",
      [0xff, 0xfe],
      ' agent"}\n',
      call("b"),
      'own \ufffd agent"}\n',
    );
    const job = await ingestFiles([file], "cli");
    expect(job.files[0]).toMatchObject({ status: "succeeded", stored: 2 });
    expect(await flagsByAgent()).toEqual([
      ["bad \ufffd\ufffd agent", true],
      ["own \ufffd agent", false],
    ]);
  });

  it("in a CSV export row are stored as U+FFFD and flagged", async () => {
    const header = "TimeGenerated [UTC],EventName,UserAgent,Type\n";
    const rows = [
      "2024-01-01T00:00:00Z,ListUsers,bad ",
      [0xc3],
      " agent,AWSCloudTrail\n",
      "2024-01-01T00:00:01Z,ListUsers,good agent,AWSCloudTrail\n",
    ];
    const job = await ingestFiles([upload("bytes.csv", header, ...rows)], "cli");
    expect(job.files[0]).toMatchObject({ status: "succeeded", stored: 2 });
    expect(await flagsByAgent()).toEqual([
      ["bad \ufffd agent", true],
      ["good agent", false],
    ]);
  });
});

describe("a file the database stops in a deadlock", () => {
  beforeEach(emptyDatabase);

  it("fails with a sentence that says why and to send it again, and stores nothing", async () => {
    await pool().query(`
      CREATE FUNCTION deadlock_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'deadlock detected (test)' USING ERRCODE = '40P01'; END $$`);
    await pool().query(
      "CREATE TRIGGER deadlock_test BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION deadlock_test()",
    );
    try {
      const text = JSON.stringify({
        eventVersion: "1.08",
        eventTime: "2024-01-01T00:00:00Z",
        eventName: "ListUsers",
        eventID: "deadlocked",
      });
      const upload = textUpload("late.json", text);
      const job = await ingestFiles([upload], "upload");
      expect(job.files[0]?.status).toBe("failed");
      expect(job.files[0]?.errors[0]?.message).toMatch(/at the same moment.*Send it again/);
    } finally {
      await pool().query("DROP TRIGGER deadlock_test ON event; DROP FUNCTION deadlock_test()");
    }
    const stored = await pool().query("SELECT count(*)::int AS n FROM event");
    expect(stored.rows[0].n).toBe(0);
  });
});

describe("very long values", () => {
  beforeEach(emptyDatabase);

  it("are stored whole in the event, keyed and indexed by digest or cut in the alert", async () => {
    const longId = "i".repeat(4003);
    const longUser = "u".repeat(10_000);
    const record = (id: string, user: string) =>
      JSON.stringify({
        eventVersion: "1.08",
        eventTime: "2024-01-01T00:00:00Z",
        eventSource: "iam.amazonaws.com",
        eventName: "CreateUser",
        eventID: id,
        userIdentity: { type: "IAMUser", userName: user, accountId: "a".repeat(9000) },
      });
    const text = [record(longId, "bob"), record("short", longUser), record(longId, "bob")];
    const upload = textUpload("long.jsonl", text.join("\n"));
    const job = await ingestFiles([upload], "cli");
    expect(job.files[0]).toMatchObject({ status: "succeeded", stored: 2, duplicates: 1 });
    const events = await pool().query(
      "SELECT native_id, actor FROM event ORDER BY length(native_id) DESC",
    );
    expect(events.rows.map((r) => [r.native_id.length, r.actor.length])).toEqual([
      [4003, 3],
      [5, 10_000],
    ]);
    const alerts = await pool().query("SELECT DISTINCT actor, account FROM alert");
    expect(alerts.rows.length).toBe(2);
    for (const alert of alerts.rows) {
      expect(alert.actor.length).toBeLessThanOrEqual(501);
      expect(alert.account.length).toBe(501);
    }
  });
});
