import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eventCopyFields } from "../../events/copy-fields";
import { SAMPLES_DIR, sampleFiles } from "../../testing/fixtures";
import { IngestError } from "../ingest-error";
import { type LogFile, openLogFile } from "../open-log-file";
import { chunked, type Drained, drain, fileSource, gzip, rejection } from "../test-support";
import { openLogFileInWorker } from "./open-in-worker";

function manyRecords(count: number): string {
  const records = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      eventVersion: "1.08",
      eventID: `id-${i}`,
      eventTime: "2024-05-01T10:00:00Z",
      eventSource: "iam.amazonaws.com",
      eventName: i % 7 === 0 ? "CreateUser" : "GetUser",
      awsRegion: "eu-west-1",
      sourceIPAddress: "203.0.113.9",
      userIdentity: { type: "IAMUser", userName: `user-${i}`, accountId: "111122223333" },
      recipientAccountId: "111122223333",
    }),
  );
  return `{"Records":[${records.join(",")}]}`;
}

/**
 * The file's records, or its error's code and message when it cannot be read. COPY fields a
 * parsing thread added must be the event's own, and are then left out of the comparison.
 */
function settle(opened: Promise<LogFile>): Promise<unknown> {
  const checked = (drained: Drained) => {
    for (const record of drained.events) {
      const { copyFields, ...plain } = record;
      if (copyFields !== undefined) expect(copyFields).toEqual(eventCopyFields(plain));
      delete record.copyFields;
    }
    return drained;
  };
  return opened
    .then(drain)
    .then(checked)
    .catch((error: unknown) => ({
      error: error instanceof IngestError ? [error.code, error.message] : String(error),
    }));
}

describe("openLogFileInWorker", () => {
  beforeEach(() => {
    vi.stubEnv("TRIPLINE_PARSE_THREAD", "worker");
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each(sampleFiles().filter((_, i) => i % 6 === 0))(
    "reads %s as openLogFile does",
    async (file) => {
      const full = path.join(SAMPLES_DIR, file);
      const here = await settle(openLogFile(fileSource(full)));
      const there = await settle(openLogFileInWorker(fileSource(full)));

      expect(there).toEqual(here);
    },
  );

  it("hands over every record of a file larger than the records it may send ahead", async () => {
    const file = await openLogFileInWorker(chunked(gzip(manyRecords(20_000)), 4096));
    const { events, rejected } = await drain(file);

    expect(file.shape).toBe("cloudtrail-delivery");
    expect(rejected).toEqual([]);
    expect(events.map((e) => e.event.nativeId)).toEqual(
      Array.from({ length: 20_000 }, (_, i) => `id-${i}`),
    );
  });

  it("throws the IngestError the file causes, even after records were read", async () => {
    const whole = gzip(manyRecords(3_000));
    const file = await openLogFileInWorker(chunked(whole.subarray(0, whole.length - 100), 4096));
    const error = await rejection(() => drain(file));

    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("corrupt_gzip");
  });

  it("reports a source that breaks off as unreadable, keeping its error as the cause", async () => {
    const broken = new Error("connection reset");
    async function* source() {
      yield* chunked(manyRecords(3_000).slice(0, 200_000), 4096);
      throw broken;
    }
    const file = await openLogFileInWorker(source());
    const error = await rejection(() => drain(file));

    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("read_failed");
    expect((error as IngestError).cause).toBe(broken);
  });

  it("lets a reader stop early and the next file still be read", async () => {
    const file = await openLogFileInWorker(chunked(manyRecords(20_000), 4096));
    for await (const record of file.records) {
      expect(record.kind).toBe("event");
      break;
    }
    const next = await drain(await openLogFileInWorker(chunked(manyRecords(10), 64)));

    expect(next.events).toHaveLength(10);
  });

  it("parses on the calling thread when TRIPLINE_PARSE_THREAD is main", async () => {
    vi.stubEnv("TRIPLINE_PARSE_THREAD", "main");
    const { events } = await drain(await openLogFileInWorker(chunked(manyRecords(3), 64)));

    expect(events).toHaveLength(3);
    expect(events.map((e) => e.copyFields)).toEqual([undefined, undefined, undefined]);
  });

  it("encodes each event's COPY fields on the parsing thread otherwise", async () => {
    const { events } = await drain(await openLogFileInWorker(chunked(manyRecords(3), 64)));

    for (const { copyFields, ...plain } of events) {
      expect(copyFields).toEqual(eventCopyFields(plain));
    }
  });
});
