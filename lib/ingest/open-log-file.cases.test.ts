import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import { CASES_DIR } from "../testing/fixtures";
import { IngestError } from "./ingest-error";
import { openLogFile } from "./open-log-file";
import { type Drained, drain, fileSource, rejection, storageKey } from "./test-support";

async function read(name: string, limits = {}): Promise<Drained & { shape: string }> {
  const logFile = await openLogFile(fileSource(path.join(CASES_DIR, name)), limits);
  return { shape: logFile.shape, ...(await drain(logFile)) };
}

/** Stores files in order into one set, returning how many each file added (cases' "must store"). */
async function storeInOrder(names: string[]): Promise<number[]> {
  const stored = new Set<string>();
  const added: number[] = [];
  for (const name of names) {
    const before = stored.size;
    for (const event of (await read(name)).events) stored.add(storageKey(event));
    added.push(stored.size - before);
  }
  return added;
}

describe("case 01: digest file in the bucket", () => {
  it("skips the digest with a notice, then stores the records file", async () => {
    const digest = await openLogFile(
      fileSource(path.join(CASES_DIR, "01-digest-file-in-bucket.digest.json.gz")),
    );
    expect(digest.shape).toBe("cloudtrail-digest");
    expect(digest.notice).toMatch(/digest file/);
    expect(
      await storeInOrder([
        "01-digest-file-in-bucket.digest.json.gz",
        "01-digest-file-in-bucket.records.json.gz",
      ]),
    ).toEqual([0, 2]);
  });
});

describe("case 02: empty delivery file", () => {
  it("finishes with 0 events and no notice (a success, not a skip)", async () => {
    const empty = await openLogFile(fileSource(path.join(CASES_DIR, "02-empty-records.json.gz")));
    expect(empty.shape).toBe("cloudtrail-delivery");
    expect(empty.notice).toBeNull();
    expect(
      await storeInOrder(["02-empty-records.json.gz", "02-empty-records.next.json.gz"]),
    ).toEqual([0, 1]);
  });
});

describe("case 03: compression decided by magic bytes", () => {
  it.each([
    ["03-gzip-mismatch.already-decoded.json.gz", "CloudTrail S3 delivery file"],
    ["03-gzip-mismatch.gzip-bytes.json", "CloudTrail S3 delivery file (gzip)"],
    ["03-gzip-mismatch.real.json.gz", "CloudTrail S3 delivery file (gzip)"],
  ])("%s stores its one event", async (name, label) => {
    const logFile = await openLogFile(fileSource(path.join(CASES_DIR, name)));
    expect(logFile.shapeLabel).toBe(label);
    expect((await drain(logFile)).events).toHaveLength(1);
  });

  it("the truncated gzip fails alone with a corrupt-or-truncated error", async () => {
    const error = await rejection(() => read("03-gzip-mismatch.truncated.json.gz"));
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("corrupt_gzip");
    expect((error as IngestError).message).toMatch(/corrupt or truncated gzip/);
  });
});

describe("case 04: one huge single-line file", () => {
  it("yields 600 events from one line", async () => {
    const { events, rejected } = await read("04-single-line-huge-file.json.gz");
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(600);
    expect(events.map((e) => e.position.line)).toEqual(events.map(() => undefined));
    expect(events[1]?.position.byteOffset).toBe(
      (events[0]?.position.byteOffset ?? 0) + (events[0]?.raw.length ?? 0) + 1,
    );
  });
});

describe("case 05: one oversize event", () => {
  it("stores the 331 KB event whole, its neighbours unaffected", async () => {
    const { events } = await read("05-oversize-event.json.gz");
    expect(events.map((e) => e.event.operation)).toEqual([
      "ListBuckets",
      "PutBucketPolicy",
      "GetBucketPolicy",
    ]);
    const big = events[1];
    expect(big?.raw.length).toBeGreaterThan(330_000);
    expect(JSON.parse(big?.raw ?? "")).toMatchObject({ eventName: "PutBucketPolicy" });
  });

  it("with a smaller record cap, rejects that event alone and says its size", async () => {
    const { events, rejected } = await read("05-oversize-event.json.gz", { maxRecordBytes: 4096 });
    expect(events.map((e) => e.event.operation)).toEqual(["ListBuckets", "GetBucketPolicy"]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.position.index).toBe(2);
    expect(rejected[0]?.reason).toMatch(/KB uncompressed, over the 4\.0 KB limit/);
  });
});

describe("case 07: overlapping files", () => {
  it("stores 3, then 1, then 0: duplicates are not errors", async () => {
    const names = ["07-duplicate-across-files.a.json.gz", "07-duplicate-across-files.b.json.gz"];
    expect(await storeInOrder([...names, names[0] ?? ""])).toEqual([3, 1, 0]);
  });
});

describe("cases 08, 09, 11: request bodies and optional keys", () => {
  it("08 keeps request bodies of any shape as JSON text", async () => {
    const { events } = await read("08-requestparameters-type-drift.json");
    expect(events).toHaveLength(9);
    const records = JSON.parse(
      readFileSync(path.join(CASES_DIR, "08-requestparameters-type-drift.json"), "utf8"),
    ).Records as { requestParameters: unknown }[];
    events.forEach((e, i) => {
      const body = records[i]?.requestParameters;
      expect(e.event.sentinel.RequestParameters).toBe(body == null ? "" : JSON.stringify(body));
    });
  });

  it("09 accepts null, {} and absent bodies and keeps them distinct", async () => {
    const { events } = await read("09-null-request-response.json");
    expect(events).toHaveLength(4);
    const bodies = events.map((e) => JSON.parse(e.raw).requestParameters);
    expect(new Set(bodies.map((b) => JSON.stringify(b) ?? "absent")).size).toBeGreaterThan(1);
    expect(new Set(events.map((e) => e.contentHash)).size).toBe(4);
  });

  it("11 turns absent IP and user agent into empty values", async () => {
    const { events } = await read("11-missing-sourceip-useragent.json");
    expect(events).toHaveLength(2);
    expect(events[0]?.event).toMatchObject({ sourceIp: null, sourceHost: "", userAgent: "" });
  });
});

describe("case 10: source IP that is not an IP", () => {
  it("keeps addresses as addresses and names as text", async () => {
    const { events } = await read("10-sourceip-nonip-and-ipv6.json");
    expect(events.map((e) => [e.event.sourceIp, e.event.sourceHost])).toEqual([
      ["203.0.113.10", ""],
      ["2001:db8:85a3::8a2e:370:7334", ""],
      ["::ffff:198.51.100.7", ""],
      [null, "support.amazonaws.com"],
      [null, "AWS Internal"],
      [null, "ec2.amazonaws.com"],
    ]);
  });
});

describe("case 12: every identity type", () => {
  it("gives each event an actor and keeps the identity type verbatim", async () => {
    const { events } = await read("12-useridentity-variants.json");
    expect(events.map((e) => [e.event.actorType, e.event.actor])).toEqual([
      ["IAMUser", "alice-example"],
      ["AssumedRole", "example-deployer"],
      ["AWSService", "cloudfront.amazonaws.com"],
      ["Root", "arn:aws:iam::111122223333:root"],
      ["AWSAccount", "AIDAEXAMPLEOTHER0001"],
      ["FederatedUser", "arn:aws:sts::111122223333:federated-user/example-fed"],
      ["Unknown", "dave@example.com"],
    ]);
    expect(events.map((e) => e.event.sentinel.UserIdentityType)).toContain("AssumedRole");
  });
});

describe("case 14: CloudTrail Insights", () => {
  it("stores Insights events as insights, without identity or API name", async () => {
    const { events } = await read("14-insights-events.json.gz");
    expect(events).toHaveLength(2);
    for (const { event } of events) {
      expect(event).toMatchObject({ kind: "insight", operation: "DescribeRegions", actor: "" });
      expect(event.sentinel.EventName).toBe("");
    }
  });
});

describe("case 16: back-filled old files", () => {
  it("uses each record's own time, all on that day", async () => {
    const { events } = await read("16-backfill-eventtime.json.gz");
    const times = events.map((e) => e.event.eventTime.toISOString());
    expect(times).toEqual([
      "2023-01-15T08:01:10.000Z",
      "2023-01-15T08:00:05.000Z",
      "2023-01-15T08:03:00.000Z",
      "2023-01-15T08:02:30.000Z",
    ]);
  });
});

describe("case 18: NUL inside a string", () => {
  it("replaces U+0000 by U+FFFD, flags it, keeps other text byte for byte", async () => {
    const { events } = await read("18-nul-escape-postgres.json");
    const [nul, clean] = events;
    expect(nul?.event.flags).toContain("nul_replaced");
    expect(nul?.event.userAgent).toBe("example-tool/1.0\ufffdinjected");
    expect(nul?.raw).toContain('"example-tool/1.0\\ufffdinjected"');
    expect(nul?.raw).not.toContain("\\u0000");
    expect(JSON.stringify(nul?.event)).not.toContain("\\u0000");
    expect(clean?.event.flags).toEqual([]);
    expect(clean?.event.userAgent).toBe("example-tool/1.0 café 测试 😀");
    const text = readFileSync(path.join(CASES_DIR, "18-nul-escape-postgres.json"), "utf8");
    expect(text).toContain(clean?.raw ?? "missing");
  });
});

describe("case 19: JSON inside strings", () => {
  it("decodes identity, claims and properties held as text and resolves both callers", async () => {
    const { events } = await read("19-activity-identity-json-string.json");
    expect(events.map((e) => e.event.actor)).toEqual([
      "carol@example.com",
      "Microsoft.RecoveryServices",
    ]);
    expect(events[0]?.event.flags).toEqual([]);
    expect(events[1]?.event.flags).toContain("json_in_string_decoded");
    expect(events[1]?.raw).toContain('"identity": "{\\"claims\\"');
  });
});

describe("case 21: casing and status spellings in an AzureActivity CSV export", () => {
  it("stores all five rows, originals kept, statuses mapped to one vocabulary", async () => {
    const { shape, events, rejected } = await read("21-activity-casing.csv");
    expect(shape).toBe("sentinel-export-csv");
    expect(rejected).toEqual([]);
    expect(events.map((e) => e.event.table)).toEqual(Array(5).fill("AzureActivity"));
    expect(events.map((e) => [e.event.outcomeCode, e.event.outcome])).toEqual([
      ["Success", "success"],
      ["Succeeded", "success"],
      ["Started", "in_progress"],
      ["Failure", "failure"],
      ["Failed", "failure"],
    ]);
    // Operation names keep their casing; detection compares them case-insensitively.
    expect(events.map((e) => e.event.operation)).toEqual([
      "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION",
      "Microsoft.Storage/storageAccounts/listKeys/action",
      "Microsoft.Storage/storageAccounts/listKeys/action",
      "MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION",
      "microsoft.storage/storageaccounts/listkeys/action",
    ]);
    expect(new Set(events.map((e) => e.event.operation.toLowerCase())).size).toBe(1);
    expect(events[0]?.event.eventTime.toISOString()).toBe("2024-03-05T11:00:00.123Z");
    expect(events[0]?.event.account).toBe("11111111-2222-3333-4444-555555555555");
    expect(events[0]?.event.sourceIp).toBe("203.0.113.25");
    expect(await storeInOrder(["21-activity-casing.csv"])).toEqual([5]);
  });

  it("keeps each row's cells under their header names as the raw record", async () => {
    const { events } = await read("21-activity-casing.csv");
    const raw = JSON.parse(events[0]?.raw ?? "{}");
    expect(raw["TimeGenerated [UTC]"]).toBe("2024-03-05T11:00:00.123Z");
    expect(raw.ActivitySubstatusValue).toBe("");
    expect(raw.Properties_d).toBe('{"statusCode": "OK", "eventCategory": "Administrative"}');
    expect(events[0]?.position).toEqual({ index: 1, line: 2, byteOffset: 173 });
  });
});

describe("case 22: Azure time formats", () => {
  it("keeps all seven events with the record's time or a flagged fallback", async () => {
    const { events } = await read("22-azure-time-formats.json");
    expect(events.map((e) => [e.event.eventTime.toISOString(), e.event.flags])).toEqual([
      ["2024-03-05T12:00:00.123Z", []],
      ["2024-03-05T12:00:01.999Z", []],
      ["2024-03-05T12:00:02.000Z", []],
      ["2024-03-05T12:00:03.000Z", []],
      ["2024-03-05T12:00:04.000Z", []],
      ["1970-01-01T00:00:00.000Z", ["time_unreadable"]],
      ["2024-03-05T12:00:06.500Z", ["time_fallback"]],
    ]);
  });
});

describe("case 23: AuditLogs table export in JSON", () => {
  it("maps PascalCase rows like native records and shows the failure", async () => {
    const { shape, events } = await read("23-entra-la-export-pascalcase.json");
    expect(shape).toBe("sentinel-export");
    expect(
      events.map((e) => [e.event.table, e.event.operation, e.event.actor, e.event.outcome]),
    ).toEqual([
      ["AuditLogs", "Add member to role", "admin-example@example.com", "success"],
      ["AuditLogs", "Update user", "Example Sync App", "success"],
      ["AuditLogs", "Add member to role", "eve@example.org", "failure"],
    ]);
    expect(events[2]?.event.sourceIp).toBe("2001:db8::40");
  });
});

describe("Sentinel rows of every case and sample", () => {
  it("carry exactly the columns of their table", async () => {
    const names = [
      "12-useridentity-variants.json",
      "19-activity-identity-json-string.json",
      "23-entra-la-export-pascalcase.json",
    ];
    for (const name of names) {
      for (const { event } of (await read(name)).events) {
        expect(Object.keys(event.sentinel).sort()).toEqual(
          [...SENTINEL_COLUMNS[event.table]].sort(),
        );
        expect(Object.values(event.sentinel).every((v) => typeof v === "string")).toBe(true);
      }
    }
  });
});
