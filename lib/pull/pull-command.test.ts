import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { pullCommand } from "./pull-command";
import { type FakeS3, startFakeS3 } from "./testing/fake-s3";
import { addTestSource, clearStoredData, useTestSecretKey } from "./testing/pull-fixtures";
import { deliveryFile, trailEvent, trailKey } from "./testing/trail-records";

giveEachFileATestDatabase();

let s3: FakeS3;

beforeEach(async () => {
  useTestSecretKey();
  await clearStoredData();
  s3 = await startFakeS3("cli-bucket");
});

afterEach(async () => {
  await s3.close();
  vi.restoreAllMocks();
});

async function output(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).trimEnd().split("\n"));
    return true;
  });
  const code = await pullCommand(args);
  vi.restoreAllMocks();
  return { code, lines };
}

describe("tripline pull", () => {
  it("runs the due sources once and prints one line each", async () => {
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "/");
    s3.put(
      trailKey("AWSLogs/111122223333/CloudTrail/us-east-1/", day, "cli"),
      deliveryFile([trailEvent("31", "CreateKeyPair", new Date().toISOString())]),
    );
    const id = await addTestSource(
      {
        kind: "aws-s3",
        startFrom: new Date(Date.now() - 3_600_000).toISOString(),
        lookbackMinutes: 60,
        region: "us-east-1",
        accessKeyId: "AKIAEXAMPLEPULLKEY01",
        bucket: "cli-bucket",
        s3Endpoint: s3.url,
        forcePathStyle: true,
      },
      { secretAccessKey: "exampleSecretAccessKeyForTests0000000000" },
    );

    const first = await output(["--json"]);
    expect(first.code).toBe(0);
    expect(first.lines.map((line) => JSON.parse(line))).toMatchObject([
      { source: id, status: "succeeded", stored: 1, alerts: 2 },
    ]);

    // Not due again until its interval has passed.
    expect((await output([])).lines).toEqual(["no source is due"]);
    const forced = await output(["--source", id]);
    expect(forced.lines[0]).toMatch(/^SUCCEEDED {2}\S+ {2}0 files/);
  });

  it("refuses bad usage with exit code 2", async () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(await pullCommand(["--source", "not-a-uuid"])).toBe(2);
    expect(await pullCommand(["--all", "--source", "00000000-0000-4000-8000-000000000000"])).toBe(
      2,
    );
  });
});
