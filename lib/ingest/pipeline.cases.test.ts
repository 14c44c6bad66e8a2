import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { CASES_DIR, fixtureUpload } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { ingestFiles } from "./pipeline";

giveEachFileATestDatabase();

interface CaseSpec {
  files: string[];
  stored: number[];
  parity: number;
  hardened: number;
}

// fixtures/cases/CASES.md: the files ingested in order into an empty database.
const CASES: Record<string, CaseSpec> = {
  "01 digest file in bucket": {
    files: ["01-digest-file-in-bucket.digest.json.gz", "01-digest-file-in-bucket.records.json.gz"],
    stored: [0, 2],
    parity: 1,
    hardened: 1,
  },
  "02 empty delivery file": {
    files: ["02-empty-records.json.gz", "02-empty-records.next.json.gz"],
    stored: [0, 1],
    parity: 1,
    hardened: 1,
  },
  "03 compression mismatch": {
    files: [
      "03-gzip-mismatch.already-decoded.json.gz",
      "03-gzip-mismatch.gzip-bytes.json",
      "03-gzip-mismatch.real.json.gz",
      "03-gzip-mismatch.truncated.json.gz",
    ],
    stored: [1, 1, 1, 0],
    parity: 1,
    hardened: 1,
  },
  "04 one huge single-line file": {
    files: ["04-single-line-huge-file.json.gz"],
    stored: [600],
    parity: 0,
    hardened: 0,
  },
  "05 one oversize event": {
    files: ["05-oversize-event.json.gz"],
    stored: [3],
    parity: 1,
    hardened: 1,
  },
  "07 overlapping files": {
    files: [
      "07-duplicate-across-files.a.json.gz",
      "07-duplicate-across-files.b.json.gz",
      "07-duplicate-across-files.a.json.gz",
    ],
    stored: [3, 1, 0],
    parity: 2,
    hardened: 3,
  },
  "08 request fields change type": {
    files: ["08-requestparameters-type-drift.json"],
    stored: [9],
    parity: 1,
    hardened: 1,
  },
  "09 null request and response": {
    files: ["09-null-request-response.json"],
    stored: [4],
    parity: 1,
    hardened: 1,
  },
  "10 source IP that is not an IP": {
    files: ["10-sourceip-nonip-and-ipv6.json"],
    stored: [6],
    parity: 1,
    hardened: 0,
  },
  "11 missing optional keys": {
    files: ["11-missing-sourceip-useragent.json"],
    stored: [2],
    parity: 0,
    hardened: 0,
  },
  "12 every identity type": {
    files: ["12-useridentity-variants.json"],
    stored: [7],
    parity: 2,
    hardened: 3,
  },
  "14 CloudTrail Insights": {
    files: ["14-insights-events.json.gz"],
    stored: [2],
    parity: 0,
    hardened: 0,
  },
  "16 back-filled old files": {
    files: ["16-backfill-eventtime.json.gz"],
    stored: [4],
    parity: 0,
    hardened: 0,
  },
  "18 NUL inside a string": {
    files: ["18-nul-escape-postgres.json"],
    stored: [2],
    parity: 0,
    hardened: 0,
  },
  "19 JSON inside strings": {
    files: ["19-activity-identity-json-string.json"],
    stored: [2],
    parity: 0,
    hardened: 0,
  },
  "21 casing and status spellings (AzureActivity CSV export)": {
    files: ["21-activity-casing.csv"],
    stored: [5],
    parity: 0,
    hardened: 0,
  },
  "22 Azure time formats": {
    files: ["22-azure-time-formats.json"],
    stored: [7],
    parity: 7,
    hardened: 7,
  },
  "23 AuditLogs table export": {
    files: ["23-entra-la-export-pascalcase.json"],
    stored: [3],
    parity: 0,
    hardened: 2,
  },
};

async function alertCount(rule: string): Promise<number> {
  const result = await pool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM alert WHERE rule = $1",
    [rule],
  );
  return result.rows[0]?.n ?? -1;
}

async function eventCount(): Promise<number> {
  const result = await pool().query<{ n: number }>("SELECT count(*)::int AS n FROM event");
  return result.rows[0]?.n ?? -1;
}

describe("fault cases through the whole pipeline", () => {
  beforeEach(async () => {
    await pool().query("TRUNCATE alert, event, ingest_file, ingest_job, allowlist_entry CASCADE");
  });

  it.each(Object.entries(CASES))("%s", async (_name, spec) => {
    const stored: number[] = [];
    for (const file of spec.files) {
      const job = await ingestFiles([fixtureUpload(path.join(CASES_DIR, file))], "cli");
      stored.push(job.files[0]?.stored ?? -1);
    }
    expect(stored).toEqual(spec.stored);
    expect(await alertCount("sentinel-parity")).toBe(spec.parity);
    expect(await alertCount("hardened")).toBe(spec.hardened);
  });

  it("reports a digest file as skipped, with a notice, not as a failure", async () => {
    const digest = path.join(CASES_DIR, "01-digest-file-in-bucket.digest.json.gz");
    const job = await ingestFiles([fixtureUpload(digest)], "cli");
    expect(job.files[0]?.status).toBe("skipped");
    expect(job.files[0]?.notice).toMatch(/digest/i);
    expect(job.status).toBe("succeeded");
  });

  it("fails a truncated gzip alone, with a clear error, and stores nothing from it", async () => {
    const job = await ingestFiles(
      [
        fixtureUpload(path.join(CASES_DIR, "03-gzip-mismatch.truncated.json.gz")),
        fixtureUpload(path.join(CASES_DIR, "03-gzip-mismatch.real.json.gz")),
      ],
      "cli",
    );
    const [truncated, real] = job.files;
    expect(truncated?.status).toBe("failed");
    expect(truncated?.errors[0]?.message).toMatch(/corrupt or truncated gzip/i);
    expect(real).toMatchObject({ status: "succeeded", stored: 1 });
    expect(job.status).toBe("partial");
    expect(await eventCount()).toBe(1);
  });

  it("23: the failed operation's alert shows the failure", async () => {
    await ingestFiles(
      [fixtureUpload(path.join(CASES_DIR, "23-entra-la-export-pascalcase.json"))],
      "cli",
    );
    const alerts = await pool().query<{ actor: string; outcome: string }>(
      "SELECT actor, outcome FROM alert WHERE rule = 'hardened' ORDER BY actor",
    );
    expect(alerts.rows).toEqual([
      { actor: "admin-example@example.com", outcome: "success" },
      { actor: "eve@example.org", outcome: "failure" },
    ]);
  });

  it("21: a CSV export is stored row by row with its statuses in one vocabulary", async () => {
    const job = await ingestFiles(
      [fixtureUpload(path.join(CASES_DIR, "21-activity-casing.csv"))],
      "cli",
    );
    expect(job.files[0]).toMatchObject({ shape: "sentinel-export-csv", stored: 5, rejected: 0 });
    const rows = await pool().query<{ outcome: string; n: number }>(
      "SELECT outcome, count(*)::int AS n FROM event GROUP BY outcome ORDER BY outcome",
    );
    expect(rows.rows).toEqual([
      { outcome: "failure", n: 2 },
      { outcome: "in_progress", n: 1 },
      { outcome: "success", n: 2 },
    ]);
  });

  it("counts duplicates as duplicates, never as errors", async () => {
    const a = path.join(CASES_DIR, "07-duplicate-across-files.a.json.gz");
    await ingestFiles([fixtureUpload(a)], "cli");
    const again = await ingestFiles([fixtureUpload(a)], "cli");
    expect(again.files[0]).toMatchObject({ status: "succeeded", stored: 0, duplicates: 3 });
    expect(again.files[0]?.errors).toEqual([]);
  });

  it("keeps the raw record of every stored event", async () => {
    await ingestFiles(
      [fixtureUpload(path.join(CASES_DIR, "09-null-request-response.json"))],
      "cli",
    );
    const raws = await pool().query<{ raw: string }>("SELECT raw FROM event");
    expect(raws.rows).toHaveLength(4);
    for (const { raw } of raws.rows) expect(() => JSON.parse(raw)).not.toThrow();
  });
});
