import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/ingest/route";
import { createApiToken } from "../auth/api-token-store";
import { makeUser } from "../auth/test-users";
import { pool } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";

giveEachFileATestDatabase();

const BOUNDARY = "----tripline-route-boundary";
const encoder = new TextEncoder();
const LAKE_RESULT = path.resolve(
  import.meta.dirname,
  "../../fixtures/samples/aws-cloudtrail-docs/query-lake-examples.md__block03.json",
);

let token = "";
beforeAll(async () => {
  const user = await makeUser("analyst");
  token = (await createApiToken(user, { name: "route test", role: "analyst", lifetime: "30" }))
    .token;
});

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

function part(name: string, content: string | Uint8Array, field = "files"): Uint8Array[] {
  const disposition = `form-data; name="${field}"; filename="${name}"`;
  const head = `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`;
  const bytes = typeof content === "string" ? encoder.encode(content) : content;
  return [encoder.encode(head), bytes, encoder.encode("\r\n")];
}

const END = encoder.encode(`--${BOUNDARY}--\r\n`);

/** Posts the pieces as one multipart body, the way a browser or curl would. */
function post(pieces: Uint8Array[]): Promise<Response> {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[next++];
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
  const request = new Request("http://127.0.0.1:3000/api/ingest", {
    method: "POST",
    headers: {
      host: "127.0.0.1:3000",
      authorization: `Bearer ${token}`,
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body,
    duplex: "half",
  } as RequestInit);
  return POST(request);
}

async function jobRow(jobId: string) {
  const found = await pool().query("SELECT status, error FROM ingest_job WHERE id = $1", [jobId]);
  return found.rows[0];
}

describe("POST /api/ingest", () => {
  it("answers files that fail before being read to the end, and reads the next one", async () => {
    const nested = `[${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}]`;
    const pieces = [
      ...part("h512.txt", "h".repeat(512)),
      ...part("lake.json", readFileSync(LAKE_RESULT)),
      ...part("random.bin", randomBytes(200_000)),
      ...part("nested.json", nested),
      ...part("good.json", `[${event("r1")}]`),
      END,
    ];
    const response = await post(pieces);
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.files.map((f: { status: string }) => f.status)).toEqual([
      "failed",
      "failed",
      "failed",
      "failed",
      "succeeded",
    ]);
    expect(await jobRow(answer.jobId)).toMatchObject({ status: "partial" });
  });

  it("answers a refused upload with the files it stored, and closes the job", async () => {
    const pieces = [
      ...Array.from({ length: 101 }, (_, i) => part(`f${i}.json`, `[${event(`many-${i}`)}]`)),
      END,
    ].flat();
    const response = await post(pieces);
    expect(response.status).toBe(413);
    const answer = await response.json();
    expect(answer.error.message).toBe("Upload at most 100 files at once.");
    expect(answer.files).toHaveLength(100);
    expect(answer.status).toBe("partial");
    expect(await jobRow(answer.jobId)).toEqual({
      status: "partial",
      error: "Upload at most 100 files at once.",
    });
  });

  it("answers a body cut off in the second file with the first one stored", async () => {
    const second = part("second.json", `[${event("cut-2")},`).slice(0, 2);
    const response = await post([...part("first.json", `[${event("cut-1")}]`), ...second]);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.files.map((f: { file: string; stored: number }) => [f.file, f.stored])).toEqual([
      ["first.json", 1],
      ["second.json", 0],
    ]);
    expect(await jobRow(answer.jobId)).toMatchObject({ status: "partial" });
  });

  it("refuses an upload without files", async () => {
    const field = encoder.encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny\r\n`,
    );
    const response = await post([field, END]);
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.error.message).toBe("No files in the upload.");
    expect(answer.files).toEqual([]);
    expect(await jobRow(answer.jobId)).toEqual({
      status: "failed",
      error: "No files in the upload.",
    });
  });
});
