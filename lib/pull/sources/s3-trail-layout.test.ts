import { describe, expect, it } from "vitest";
import { deliveryDay, folderKind, isDigestKey, listFrom, logsRoot } from "./s3-trail-layout";

const REGION = "logs/AWSLogs/111122223333/CloudTrail/us-east-1/";

describe("trail bucket layout", () => {
  it("finds AWSLogs under the prefix", () => {
    expect(logsRoot("")).toBe("AWSLogs/");
    expect(logsRoot("logs")).toBe("logs/AWSLogs/");
  });

  it("tells accounts from organizations", () => {
    expect(folderKind("111122223333")).toBe("account");
    expect(folderKind("o-a1b2c3d4e5")).toBe("organization");
    expect(folderKind("CloudTrail")).toBeNull();
  });

  it("reads the delivery day from a key and lists from a day on", () => {
    const key = `${REGION}2024/03/05/111122223333_CloudTrail_us-east-1_20240305T1005Z_x.json.gz`;
    expect(deliveryDay(REGION, key)?.toISOString()).toBe("2024-03-05T00:00:00.000Z");
    expect(deliveryDay(REGION, `${REGION}2024/03/05/nested/file.json.gz`)).toBeNull();
    const start = listFrom(REGION, new Date("2024-03-05T17:00:00Z"));
    expect(start).toBe(`${REGION}2024/03/05`);
    expect(key > start).toBe(true);
    expect(`${REGION}2024/03/04/late.json.gz` > start).toBe(false);
  });

  it("recognises digest keys", () => {
    expect(isDigestKey("AWSLogs/1/CloudTrail-Digest/us-east-1/2024/03/05/x.json.gz")).toBe(true);
    expect(isDigestKey(`${REGION}2024/03/05/x.json.gz`)).toBe(false);
  });
});
