import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error";
import { openLogFile } from "./open-log-file";
import { chunked, drain, gzip, rejection } from "./test-support";

const EVENT = {
  eventVersion: "1.09",
  userIdentity: { type: "IAMUser", userName: "alice", accountId: "111122223333" },
  eventTime: "2024-03-05T12:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreateUser",
  awsRegion: "us-east-1",
  sourceIPAddress: "203.0.113.10",
  eventID: "e-1",
  recipientAccountId: "111122223333",
};
const DELIVERY = JSON.stringify({ Records: [EVENT] });

async function ingestError(content: string | Uint8Array, limits = {}): Promise<IngestError> {
  const error = await rejection(async () => drain(await openLogFile(chunked(content), limits)));
  if (!(error instanceof IngestError)) throw error;
  return error;
}

describe("containers", () => {
  it("removes nested gzip layers, decided by magic bytes", async () => {
    const logFile = await openLogFile(chunked(gzip(gzip(DELIVERY)), 7));
    expect(logFile.shapeLabel).toBe("CloudTrail S3 delivery file (gzip x2)");
    expect((await drain(logFile)).events).toHaveLength(1);
  });

  it("reports damaged gzip as corrupt_gzip", async () => {
    const bytes = gzip(DELIVERY.repeat(50));
    bytes.fill(0x55, 20, 60);
    const error = await ingestError(bytes);
    expect(error.code).toBe("corrupt_gzip");
    expect(error.message).toMatch(/corrupt or truncated gzip: the compressed data is damaged/);
  });

  it("tolerates a byte-order mark and CRLF line ends in JSON Lines", async () => {
    const second = JSON.stringify({ ...EVENT, eventID: "e-2" });
    const text = `\ufeff${JSON.stringify(EVENT)}\r\n${second}\r\n`;
    const logFile = await openLogFile(chunked(text, 5));
    expect(logFile.shape).toBe("cloudtrail-jsonl");
    const { events } = await drain(logFile);
    expect(events.map((e) => [e.event.nativeId, e.position.line])).toEqual([
      ["e-1", 1],
      ["e-2", 2],
    ]);
    expect(events[0]?.raw).toBe(JSON.stringify(EVENT));
  });

  it("judges the file size limit on decompressed bytes", async () => {
    const error = await ingestError(gzip(DELIVERY.repeat(100)), { maxFileBytes: 1000 });
    expect(error.code).toBe("file_too_large");
    expect(error.message).toMatch(/once decompressed/);
  });

  it("names the plain size limit for a file that was not compressed", async () => {
    const error = await ingestError(DELIVERY.repeat(100), { maxFileBytes: 1000 });
    expect(error.code).toBe("file_too_large");
    expect(error.message).toBe(
      "The file is larger than 1000 bytes, the limit for one file. Split it and upload the parts.",
    );
  });

  it("says when the upload itself fails part-way", async () => {
    async function* failing() {
      yield new TextEncoder().encode('{"Records":[');
      throw new Error("socket closed");
    }
    const error = await rejection(async () => drain(await openLogFile(failing())));
    expect((error as IngestError).code).toBe("read_failed");
  });
});

describe("what is not a readable log", () => {
  it.each([
    ["", "empty_file", /empty/],
    [" \r\n\t ", "empty_file", /white space/],
    ["name,age\r\nalice,2", "unknown_shape", /CSV, but its header/],
    ["PK\u0003\u0004rest of a zip", "unsupported_shape", /zip archive/],
    ['{"foo": 1, "bar": [1]}', "unknown_shape", /its keys: foo, bar/],
    ["hello world", "unknown_shape", /neither JSON nor CSV/],
    ['{"Records":[{"eventVersion":"1.09"', "invalid_json", /truncated/],
  ])("refuses %j as %s", async (content, code, message) => {
    const error = await ingestError(content);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("never puts U+0000 in a message, since messages are stored", async () => {
    const error = await ingestError('{"k\\u0000ey": 1}');
    expect(error.code).toBe("unknown_shape");
    expect(error.message).toContain("k\ufffdey");
    const text = `[${JSON.stringify(EVENT)}, {"k\\u0000ey": 1}]`;
    const { rejected } = await drain(await openLogFile(chunked(text)));
    expect(rejected[0]?.reason).toContain("k\ufffdey");
  });

  it("recognises a tar archive and UTF-16 text", async () => {
    const tar = new Uint8Array(600).fill(0x61);
    tar.set(new TextEncoder().encode("ustar"), 257);
    expect((await ingestError(tar)).message).toMatch(/tar archive/);
    expect((await ingestError(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).message).toMatch(/UTF-16/);
  });
});

describe("records", () => {
  it("rejects a bad record alone and keeps numbering every record", async () => {
    const last = JSON.stringify({ ...EVENT, eventID: "e-9" });
    const text = `[${JSON.stringify(EVENT)}, {"eventName": tru}, {"hello": 1}, ${last}]`;
    const { events, rejected } = await drain(await openLogFile(chunked(text)));
    expect(events.map((e) => [e.position.index, e.event.nativeId])).toEqual([
      [1, "e-1"],
      [4, "e-9"],
    ]);
    expect(rejected.map((r) => r.position.index)).toEqual([2, 3]);
    expect(rejected[0]?.reason).toMatch(/not valid JSON/);
    expect(rejected[1]?.reason).toMatch(/not a CloudTrail, Azure Activity or Entra ID/);
  });

  it("gives the same content hash to one event from three shapes", async () => {
    const history = JSON.stringify({
      Events: [
        {
          EventId: "e-1",
          EventTime: "2024-03-05 23:00:00+11:00",
          CloudTrailEvent: JSON.stringify(EVENT),
        },
      ],
    });
    const bridge = JSON.stringify({
      version: "0",
      "detail-type": "AWS API Call via CloudTrail",
      time: "2024-03-05T12:00:00Z",
      detail: EVENT,
    });
    const shapes: [string, string][] = [];
    const hashes = new Set<string>();
    for (const text of [DELIVERY, history, bridge]) {
      const logFile = await openLogFile(chunked(text));
      const { events } = await drain(logFile);
      shapes.push([logFile.shape, events[0]?.raw.slice(0, 12) ?? ""]);
      for (const e of events) hashes.add(e.contentHash);
    }
    expect(shapes).toEqual([
      ["cloudtrail-delivery", '{"eventVersi'],
      ["cloudtrail-event-history", '{"EventId":"'],
      ["cloudtrail-eventbridge", '{"version":"'],
    ]);
    expect(hashes.size).toBe(1);
  });

  it("falls back to the wrapper's time when the inner event has none", async () => {
    const { eventTime: _, ...timeless } = EVENT;
    const history = JSON.stringify({
      Events: [
        { EventTime: "2024-03-05 23:00:00+11:00", CloudTrailEvent: JSON.stringify(timeless) },
      ],
    });
    const { events } = await drain(await openLogFile(chunked(history)));
    expect(events[0]?.event.eventTime.toISOString()).toBe("2024-03-05T12:00:00.000Z");
    expect(events[0]?.event.flags).toEqual(["time_fallback"]);
  });

  it("streams: the first record arrives before the source has been read", async () => {
    let pulled = 0;
    const total = 2000;
    async function* lazy() {
      yield new TextEncoder().encode('{"Records":[');
      for (let i = 0; i < total; i++) {
        pulled += 1;
        const sep = i === 0 ? "" : ",";
        yield new TextEncoder().encode(sep + JSON.stringify({ ...EVENT, eventID: `e-${i}` }));
      }
      yield new TextEncoder().encode("]}");
    }
    const logFile = await openLogFile(lazy());
    const iterator = logFile.records[Symbol.asyncIterator]();
    await iterator.next();
    expect(pulled).toBeLessThan(10);
    let count = 1;
    while (!(await iterator.next()).done) count += 1;
    expect(count).toBe(total);
  });

  it("reads a 40 MB single-line delivery file", async () => {
    const record = JSON.stringify({ ...EVENT, requestParameters: { pad: "x".repeat(4000) } });
    const count = 10_000;
    async function* big() {
      yield new TextEncoder().encode('{"Records":[');
      const batch = new TextEncoder().encode(`${record},`.repeat(99) + record);
      for (let i = 0; i < count / 100; i++) {
        if (i > 0) yield new TextEncoder().encode(",");
        yield batch;
      }
      yield new TextEncoder().encode("]}");
    }
    const logFile = await openLogFile(big());
    let events = 0;
    for await (const r of logFile.records) if (r.kind === "event") events += 1;
    expect(events).toBe(count);
  });
});

describe("releasing the source", () => {
  function tracked(content: Uint8Array, state: { released: boolean }) {
    return (async function* () {
      try {
        yield* chunked(content, 16);
      } finally {
        state.released = true;
      }
    })();
  }
  // Random padding keeps the gzip form large, so the source is not read to its end at once.
  const padded = (i: number) => ({
    ...EVENT,
    eventID: `e-${i}`,
    pad: randomBytes(600).toString("hex"),
  });
  const many = JSON.stringify({ Records: Array.from({ length: 300 }, (_, i) => padded(i)) });

  it.each([
    ["plain", new TextEncoder().encode(many)],
    ["gzip", gzip(many)],
  ])("a %s source is released when the reader stops early", async (_, bytes) => {
    const state = { released: false };
    const logFile = await openLogFile(tracked(bytes, state));
    for await (const record of logFile.records) {
      expect(record.kind).toBe("event");
      break;
    }
    expect(state.released).toBe(true);
  });

  it("a source is released when the file is refused", async () => {
    const state = { released: false };
    const bytes = new TextEncoder().encode(`${JSON.stringify({ foo: 1 })}\n${"x".repeat(5000)}`);
    await rejection(() => openLogFile(tracked(bytes, state)));
    expect(state.released).toBe(true);
  });
});

describe("a source that fails at once", () => {
  it("is reported as read_failed", async () => {
    const broken: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error("disk gone")) }),
    };
    const error = await rejection(() => openLogFile(broken));
    expect((error as IngestError).code).toBe("read_failed");
  });
});
