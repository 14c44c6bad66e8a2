import { describe, expect, it } from "vitest";
import { normalizeCloudTrail } from "../normalize/aws";
import { parseTimestamp } from "../normalize/time";
import { IngestError } from "./ingest-error";
import { openLogFile } from "./open-log-file";
import { chunked, drain, rejection } from "./test-support";

const EVENT = {
  eventVersion: "1.09",
  userIdentity: { type: "IAMUser", userName: "alice" },
  eventTime: "2024-03-05T12:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreateUser",
};

async function openError(content: string | Uint8Array): Promise<IngestError> {
  const error = await rejection(async () => drain(await openLogFile(chunked(content), {})));
  if (!(error instanceof IngestError)) throw error;
  return error;
}

describe("hostile input", () => {
  it("rejects a record nested thousands of levels deep alone, keeping its neighbours", async () => {
    const deep = `${'{"a":'.repeat(4000)}1${"}".repeat(4000)}`;
    const nested = `{"eventVersion":"1.09","eventName":"X","requestParameters":${deep}}`;
    const first = JSON.stringify({ ...EVENT, eventID: "n1" });
    const last = JSON.stringify({ ...EVENT, eventID: "n2" });
    const file = await openLogFile(chunked(`{"Records":[${first},${nested},${last}]}`), {});
    const { events, rejected } = await drain(file);
    expect(events.map((e) => e.event.nativeId)).toEqual(["n1", "n2"]);
    expect(rejected.map((r) => r.reason)).toEqual([
      "The record is nested more than 256 levels deep, so it was skipped.",
    ]);
  });

  it("calls binary data and JSON after NULs no log format, quoting no raw bytes", async () => {
    const binary = new Uint8Array(600).map((_, i) => (i * 37 + 11) % 256);
    for (const content of [binary, `\u0000\u0000[${JSON.stringify(EVENT)}]`]) {
      const error = await openError(content);
      expect(error.message).toMatch(/not a recognised log format/);
      expect(error.message).not.toMatch(/CSV, but/);
      const odd = [...error.message].filter((c) => c < " " || (c >= "\u007f" && c <= "\u009f"));
      expect(odd).toEqual([]);
      expect(error.message).not.toContain("\ufffd");
    }
    const text = await openError(`hello\u001b[2J\u001b]0;pwned\u0007 ${"x".repeat(200)}`);
    expect(text.message).toContain("hello\\x1b[2J\\x1b]0;pwned\\x07");
    expect(text.message).not.toContain("x".repeat(61));
  });

  it("keeps a numeric eventID as text and reads a numeric eventTime as unreadable", () => {
    const result = normalizeCloudTrail({ ...EVENT, eventID: 42, eventTime: 12345 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.event.nativeId).toBe("42");
    expect(result.event.flags).toContain("time_unreadable");
  });

  it("refuses zone offsets no clock uses", () => {
    expect(parseTimestamp("2024-01-01T00:00:00+25:00")).toBeNull();
    expect(parseTimestamp("2024-01-01T00:00:00+14:30")).toBeNull();
    expect(parseTimestamp("2024-01-01T00:00:00+05:75")).toBeNull();
    expect(parseTimestamp("2024-01-01T00:00:00+14:00")?.toISOString()).toBe(
      "2023-12-31T10:00:00.000Z",
    );
    expect(parseTimestamp("2024-01-01T00:00:00-12:00")?.toISOString()).toBe(
      "2024-01-01T12:00:00.000Z",
    );
  });
});
