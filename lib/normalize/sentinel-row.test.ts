import { describe, expect, it } from "vitest";
import { SENTINEL_COLUMNS } from "../events/sentinel-columns";
import { SOURCE_TABLES } from "../events/types";
import { jsonColumn, sentinelRow } from "./sentinel-row";

describe("sentinelRow", () => {
  it('has every column of its table, in the table\'s order, "" where no value is given', () => {
    for (const table of SOURCE_TABLES) {
      const row = sentinelRow(table, {});
      expect(Object.keys(row)).toEqual(SENTINEL_COLUMNS[table]);
      expect(new Set(Object.values(row))).toEqual(new Set([""]));
    }
  });

  it("writes each value as Kusto text and ignores keys that are not columns", () => {
    const values = {
      EventName: "CreateUser",
      ErrorCode: 403,
      ErrorMessage: false,
      UserAgent: null,
      UserIdentityArn: undefined,
      RequestParameters: { b: [1, "\u0000"], a: null },
      NotAColumn: "x",
    };
    const row = sentinelRow("AWSCloudTrail", values);
    expect(row).toMatchObject({
      EventName: "CreateUser",
      ErrorCode: "403",
      ErrorMessage: "false",
      UserAgent: "",
      UserIdentityArn: "",
      RequestParameters: '{"b":[1,"\\u0000"],"a":null}',
    });
    expect(Object.keys(row)).not.toContain("NotAColumn");
    expect(JSON.stringify(row).startsWith('{"OperationName":"","EventName":"CreateUser",')).toBe(
      true,
    );
  });

  it("gives each event a row of its own", () => {
    const first = sentinelRow("AzureActivity", { Caller: "a" }) as Record<string, string>;
    first.Caller = "changed";
    expect(sentinelRow("AzureActivity", {}).Caller).toBe("");
  });
});

describe("jsonColumn", () => {
  it('is the JSON text of a value, "" when null or absent', () => {
    expect(jsonColumn(undefined)).toBe("");
    expect(jsonColumn(null)).toBe("");
    expect(jsonColumn({ a: [1, "é"] })).toBe('{"a":[1,"é"]}');
    expect(jsonColumn("s")).toBe('"s"');
  });
});
