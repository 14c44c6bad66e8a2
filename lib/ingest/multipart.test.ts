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

/** A request body of the given pieces; with `hang`, it never ends after them (a gone browser). */
function body(pieces: Uint8Array[], hang = false): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const piece = pieces[next++];
      if (piece) controller.enqueue(piece);
      else if (!hang) controller.close();
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
    const files = multipartFiles(body(pieces, true), CONTENT_TYPE, limits, controller.signal);
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
});
