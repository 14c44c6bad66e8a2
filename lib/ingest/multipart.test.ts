import { describe, expect, it } from "vitest";
import { pool } from "../db/client";
import { AppError } from "../errors";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { multipartFiles } from "./multipart";
import { ingestFiles, JobBrokeOff } from "./pipeline";
import { gzip, rejection } from "./test-support";

giveEachFileATestDatabase();

const BOUNDARY = "----tripline-test-boundary";
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const encoder = new TextEncoder();

function event(id: string): string {
  return JSON.stringify({
    eventVersion: "1.08",
    eventTime: "2024-01-01T00:00:00Z",
    eventSource: "iam.amazonaws.com",
    eventName: "ListUsers",
    eventID: id,
    userIdentity: { type: "IAMUser", userName: "bob" },
  });
}

function part(name: string, content: Uint8Array): Uint8Array[] {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return [encoder.encode(head), content, encoder.encode("\r\n")];
}

/**
 * A request body of the given pieces. After them it ends, or with "hang" never ends (a gone
 * browser whose connection stays open), or with "reset" fails as a reset connection does.
 */
function body(
  pieces: Uint8Array[],
  after: "end" | "hang" | "reset" = "end",
): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const piece = pieces[next++];
      if (piece) controller.enqueue(piece);
      else if (after === "end") controller.close();
      else if (after === "reset") controller.error(new Error("aborted"));
      else return new Promise<void>(() => undefined);
    },
  });
}

describe("multipart uploads", () => {
  it("reads every file even when one before it fails", async () => {
    const broken = gzip(`[${event("m1")}]`).subarray(0, 20);
    const pieces = [
      ...part("broken.json.gz", broken),
      ...part("good.json", encoder.encode(`[${event("m2")}]`)),
      encoder.encode(`--${BOUNDARY}--\r\n`),
    ];
    const job = await ingestFiles(
      multipartFiles(body(pieces), CONTENT_TYPE, { maxFiles: 5 }),
      "upload",
    );
    expect(job.files.map((f) => [f.file, f.status, f.stored])).toEqual([
      ["broken.json.gz", "failed", 0],
      ["good.json", "succeeded", 1],
    ]);
  });

  it("ends the job when the browser goes away mid-upload", async () => {
    const pieces = [
      ...part("first.json", encoder.encode(`[${event("m3")}]`)),
      ...part("second.json", encoder.encode(`[${event("m4")},`)),
    ];
    const controller = new AbortController();
    const limits = { maxFiles: 5, abortGraceMs: 200 };
    const files = multipartFiles(body(pieces, "hang"), CONTENT_TYPE, limits, controller.signal);
    const jobId = "0b7d4f0e-2a51-4c1e-9a7e-6f3f1f0c2d11";
    setTimeout(() => controller.abort(), 500);
    const error = await rejection(() => ingestFiles(files, "upload", { jobId }));
    expect(error).toBeInstanceOf(JobBrokeOff);
    expect((error as JobBrokeOff).cause).toBeInstanceOf(AppError);
    expect((error as JobBrokeOff).message).toMatch(/cut off/);
    const jobRow = await pool().query("SELECT status, error FROM ingest_job WHERE id = $1", [
      jobId,
    ]);
    expect(jobRow.rows[0]).toEqual({ status: "partial", error: (error as JobBrokeOff).message });
    const files2 = await pool().query(
      "SELECT name, status, stored FROM ingest_file WHERE job_id = $1 ORDER BY created_at",
      [jobId],
    );
    expect(files2.rows).toEqual([
      { name: "first.json", status: "succeeded", stored: 1 },
      { name: "second.json", status: "failed", stored: 0 },
    ]);
  });

  it("ends the job at once when the connection is reset mid-file, keeping nothing of that file", async () => {
    const events = Array.from({ length: 5000 }, (_, i) => event(`reset-${i}`));
    const text = encoder.encode(`[${events.join(",")}]`);
    const pieces = [
      ...part("first.json", encoder.encode(`[${event("m5")}]`)),
      ...part("cut.json", text).slice(0, 1),
      text.subarray(0, Math.floor(text.length * 0.7)),
    ];
    const jobId = "4c0f5b8e-8d3a-4d7e-a0a6-2f9e0c7b1d22";
    const files = multipartFiles(body(pieces, "reset"), CONTENT_TYPE, { maxFiles: 5 });
    const error = await rejection(() => ingestFiles(files, "upload", { jobId }));
    expect((error as JobBrokeOff).message).toMatch(/cut off/);
    const stored = await pool().query(
      `SELECT f.name, f.status, count(e.id)::int AS events FROM ingest_file f
       LEFT JOIN event e ON e.ingest_file_id = f.id WHERE f.job_id = $1
       GROUP BY f.name, f.status, f.created_at ORDER BY f.created_at`,
      [jobId],
    );
    expect(stored.rows).toEqual([
      { name: "first.json", status: "succeeded", events: 1 },
      { name: "cut.json", status: "failed", events: 0 },
    ]);
  }, 20_000);
});
