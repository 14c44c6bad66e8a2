import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { CASES_DIR, SAMPLES_DIR } from "../testing/fixtures";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { seededRandom, type Variant, variantsOf } from "./fuzz/mutate";
import { oracle, type Verdict } from "./fuzz/oracle";
import { type FileResult, ingestFiles } from "./pipeline";
import { chunked } from "./test-support";

giveEachFileATestDatabase();

const SEED = 20251204;
const VARIANTS_PER_FILE = 16;
// Files per job: many files in one job also shows that one file's failure spares the others.
const JOB_SIZE = 40;

const BASES = [
  "samples/trailscraper/111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz",
  "samples/trailscraper/111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json",
  "samples/stratus-red-team/aws.persistence.iam-create-user-login-profile.json",
  "samples/azure-monitor-docs/activity-log-schema.md__storage-eventhub-records-example.json",
  "samples/azure-monitor-docs/activity-log-schema.md__administrative-sample-event-REST.json",
  "samples/panther-analysis/cases-AzureActivity.jsonl",
  "samples/datadog-integrations/AuditLogs-samples.jsonl",
  "samples/msgraph-docs/directoryaudit-list.md__example2-response.json",
  "samples/plaso/aws_cloudtrail.jsonl",
  "cases/16-backfill-eventtime.json.gz",
  "cases/18-nul-escape-postgres.json",
  "cases/21-activity-casing.csv",
  "cases/22-azure-time-formats.json",
  "cases/23-entra-la-export-pascalcase.json",
];

/** A Sentinel CSV export with BOM, CRLF and pretty-printed JSON in quoted cells. */
function generatedCsv(): Uint8Array {
  const header = "TimeGenerated [UTC],OperationNameValue,ActivityStatusValue,Caller,Properties";
  const rows = Array.from({ length: 12 }, (_, i) => {
    const properties = JSON.stringify(
      { eventDataId: `fuzz-${i}`, note: 'a "quoted" word' },
      null,
      2,
    );
    const cell = `"${properties.replaceAll('"', '""')}"`;
    return `${i + 13}/04/2025, 09:45:${10 + i}.000,MICROSOFT.X/Y/WRITE,Succeeded,u${i}@example.com,${cell}`;
  });
  return new TextEncoder().encode(`\ufeff${[header, ...rows].join("\r\n")}\r\n`);
}

interface Case {
  name: string;
  variant: Variant;
  verdict: Verdict;
}

function allCases(): Case[] {
  const random = seededRandom(SEED);
  const bases: [string, Uint8Array][] = BASES.map((file) => {
    const [folder, ...rest] = file.split("/");
    const dir = folder === "cases" ? CASES_DIR : SAMPLES_DIR;
    return [file, new Uint8Array(readFileSync(path.join(dir, ...rest)))];
  });
  bases.push(["generated/sentinel-export.csv", generatedCsv()]);
  return bases.flatMap(([file, bytes]) =>
    variantsOf(bytes, VARIANTS_PER_FILE, random).map((variant, i) => ({
      name: `${path.basename(file)}#${i} ${variant.label}`,
      variant,
      verdict: oracle(variant.bytes),
    })),
  );
}

// Failures a readable file may still have: the oracle does not recognise shapes or dates.
const SHAPE_FAILURE =
  /not a CloudTrail, Azure Activity or Entra|shape is unknown|header names none|day first or month first|cannot be (day|month) first|neither JSON nor CSV/;

async function storedFor(result: FileResult, jobId: string): Promise<string[]> {
  const rows = await pool().query<{ raw: string }>(
    `SELECT e.raw FROM event e JOIN ingest_file f ON f.id = e.ingest_file_id
      WHERE f.job_id = $1 AND f.name = $2`,
    [jobId, result.file],
  );
  return rows.rows.map((r) => r.raw);
}

describe("fuzz: damaged and truncated copies of the sample files", () => {
  const cases = allCases();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on("unhandledRejection", onUnhandled);
  });
  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  it(`has at least 200 variants from a fixed seed (${SEED})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it("stores exactly the readable parts, and fails the rest alone with a clear error", async () => {
    const tally = { succeeded: 0, failed: 0, shapeFailures: 0, rejected: 0 };
    for (let from = 0; from < cases.length; from += JOB_SIZE) {
      const batch = cases.slice(from, from + JOB_SIZE);
      const uploads = batch.map((c) => ({ name: c.name, stream: chunked(c.variant.bytes, 4096) }));
      const job = await ingestFiles(uploads, "cli");
      expect(job.files.map((f) => f.file)).toEqual(batch.map((c) => c.name));

      for (const [i, result] of job.files.entries()) {
        const { verdict, name, variant } = batch[i] as Case;
        const stored = await storedFor(result, job.jobId);
        const context = `${name}: ${JSON.stringify({ verdict, status: result.status, errors: result.errors.slice(0, 2) })}`;
        expect(["succeeded", "failed"], context).toContain(result.status);

        if (result.status === "failed") {
          tally.failed += 1;
          // A failed file stores nothing and says why in one sentence, without internals.
          expect(stored, context).toEqual([]);
          expect(result.stored + result.duplicates + result.alerts, context).toBe(0);
          const message = result.errors[0]?.message ?? "";
          expect(result.errors[0]?.position, context).toBe("file");
          expect(message.length, context).toBeGreaterThan(20);
          expect(message, context).not.toMatch(/\n\s+at |could not store this file/);
          if (verdict.readable) {
            expect(message, context).toMatch(SHAPE_FAILURE);
            tally.shapeFailures += 1;
          }
          continue;
        }

        tally.succeeded += 1;
        tally.rejected += result.rejected;
        expect(verdict.readable, context).toBe(true);
        if (!verdict.readable) continue;
        // Every record is stored, a duplicate, or rejected alone: none is lost or invented.
        expect(result.stored + result.duplicates + result.rejected, context).toBe(verdict.records);
        expect(stored.length, context).toBe(result.stored);
        const text = new TextDecoder().decode(variant.bytes);
        if (!name.includes(".csv") && !/\.gz#/.test(name)) {
          for (const raw of stored) {
            if (!raw.includes("\\ufffd")) expect(text, context).toContain(raw);
          }
        }
      }
    }
    expect(unhandled).toEqual([]);
    // The corpus really exercises both sides.
    expect(tally.succeeded).toBeGreaterThan(cases.length / 4);
    expect(tally.failed).toBeGreaterThan(cases.length / 4);
    expect(tally.rejected).toBeGreaterThan(10);
  }, 300_000);
});
