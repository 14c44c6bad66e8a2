import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IngestError } from "../ingest-error";
import { openLogFile } from "../open-log-file";
import { chunked, drain, gzip } from "../test-support";
import { type Expanded, expandUpload } from "./expand";
import { tarArchive, zipArchive } from "./test-archives";

const EVENT = {
  eventVersion: "1.08",
  eventTime: "2024-01-01T00:00:00Z",
  eventSource: "iam.amazonaws.com",
  eventName: "CreateUser",
  awsRegion: "us-east-1",
  userIdentity: { type: "IAMUser", userName: "alice" },
};

function delivery(ids: string[]): string {
  return JSON.stringify({ Records: ids.map((eventID) => ({ ...EVENT, eventID })) });
}

const CSV =
  "TimeGenerated [UTC],OperationNameValue,Caller\r\n2024-01-01T00:00:00Z,MICROSOFT.A/B,x\r\n";

interface Seen {
  name: string;
  status: "read" | "failed";
  events: number;
  message?: string;
}

/** Expands an upload and reads each log file, as the pipeline does. */
async function expand(name: string, bytes: Uint8Array, filePath?: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  const upload = { name, stream: chunked(bytes, 1000), ...(filePath ? { path: filePath } : {}) };
  for await (const item of expandUpload(upload, { maxFileBytes: 10 * 1024 * 1024 })) {
    seen.push(await readItem(item));
  }
  return seen;
}

async function readItem(item: Expanded): Promise<Seen> {
  if (item.kind === "failed") {
    return { name: item.name, status: "failed", events: 0, message: String(item.error) };
  }
  try {
    const file = await openLogFile(item.source.bytes, { gzipLayers: item.source.gzipLayers });
    return { name: item.source.name, status: "read", events: (await drain(file)).events.length };
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return { name: item.source.name, status: "failed", events: 0, message: String(error) };
  }
}

const MEMBERS = [
  { name: "logs/", content: "", type: "5" },
  { name: "logs/a.json", content: delivery(["a1", "a2"]) },
  { name: "logs/b.json.gz", content: gzip(delivery(["b1"])) },
  { name: "logs/activity.csv", content: CSV },
  { name: "__MACOSX/logs/._a.json", content: "\u0000\u0005\u0016\u0007" },
  { name: `logs/${"deep/".repeat(30)}c.json`, content: delivery(["c1", "c2", "c3"]) },
];

const EXPECTED: Seen[] = [
  { name: "x/logs/a.json", status: "read", events: 2 },
  { name: "x/logs/b.json.gz", status: "read", events: 1 },
  { name: "x/logs/activity.csv", status: "read", events: 1 },
  { name: `x/logs/${"deep/".repeat(30)}c.json`, status: "read", events: 3 },
];

function named(archive: string): Seen[] {
  return EXPECTED.map((e) => ({ ...e, name: e.name.replace(/^x/, archive) }));
}

describe("archives", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "tripline-expand-test-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("reads each member of a tar.gz as its own file, named inside the archive", async () => {
    const archive = gzip(tarArchive(MEMBERS.filter((m) => !m.name.startsWith("logs/b"))));
    const want = named("up.tar.gz").filter((e) => !e.name.includes("b.json"));
    expect(await expand("up.tar.gz", archive)).toEqual(want);
  });

  it("reads a zip from an upload stream and from a file on disk", async () => {
    const archive = zipArchive(MEMBERS.filter((m) => m.type === undefined));
    expect(await expand("up.zip", archive)).toEqual(named("up.zip"));
    const onDisk = path.join(folder, "disk.zip");
    await writeFile(onDisk, archive);
    expect(await expand("disk.zip", archive, onDisk)).toEqual(named("disk.zip"));
  });

  it("unpacks an archive inside an archive, gzip at any level", async () => {
    const inner = gzip(zipArchive([{ name: "in.json", content: delivery(["n1"]) }]));
    const outer = gzip(gzip(tarArchive([{ name: "inner.zip.gz", content: inner }])));
    expect(await expand("outer.tgz", outer)).toEqual([
      { name: "outer.tgz/inner.zip.gz/in.json", status: "read", events: 1 },
    ]);
  });

  it("passes a plain file through with its gzip layers counted", async () => {
    const seen: string[] = [];
    for await (const item of expandUpload(
      { name: "f.json.gz", stream: chunked(gzip(gzip(delivery(["p"])))) },
      { maxFileBytes: 1e6 },
    )) {
      if (item.kind === "file") {
        const file = await openLogFile(item.source.bytes, { gzipLayers: item.source.gzipLayers });
        seen.push(file.shapeLabel);
        await drain(file);
      }
    }
    expect(seen).toEqual(["CloudTrail S3 delivery file (gzip x2)"]);
  });

  it("fails a cut-off zip as one entry that says so", async () => {
    const archive = zipArchive([{ name: "a.json", content: delivery(["z"]) }]);
    const seen = await expand("cut.zip", archive.subarray(0, archive.length - 10));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ name: "cut.zip", status: "failed" });
    expect(seen[0]?.message).toMatch(/zip archive cannot be read/);
  });

  it("keeps the members before the cut of a truncated tar.gz and reports the rest", async () => {
    const big = delivery(Array.from({ length: 2000 }, (_, i) => `t${i}`));
    const archive = gzip(
      tarArchive([
        { name: "first.json", content: delivery(["f"]) },
        { name: "second.json", content: big },
      ]),
    );
    const seen = await expand("cut.tgz", archive.subarray(0, Math.floor(archive.length * 0.6)));
    expect(seen[0]).toEqual({ name: "cut.tgz/first.json", status: "read", events: 1 });
    expect(seen[1]).toMatchObject({ name: "cut.tgz/second.json", status: "failed" });
    expect(seen[1]?.message).toMatch(/corrupt or truncated gzip/);
    expect(seen.slice(2).every((s) => s.status === "failed")).toBe(true);
  });

  it("fails a tar whose header checksum is wrong", async () => {
    const archive = tarArchive([{ name: "a.json", content: delivery(["a"]) }]);
    archive[10] = 0x41;
    const seen = await expand("bad.tar", archive);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.message).toMatch(/checksum/);
  });
});
