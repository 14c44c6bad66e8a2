import { describe, expect, it } from "vitest";
import type { ParityReportRow } from "../detection/rules/sentinel-query";
import { parityCsv, parityJson } from "./format";

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
}

async function* rowsOf(rows: readonly ParityReportRow[]): AsyncGenerator<ParityReportRow> {
  yield* rows;
}

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
function readCsv(csv: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < csv.length) {
    let cell = "";
    if (csv[i] === '"') {
      i += 1;
      while (!(csv[i] === '"' && csv[i + 1] !== '"')) {
        cell += csv[i];
        i += csv[i] === '"' ? 2 : 1;
      }
      i += 1;
    } else {
      while (i < csv.length && csv[i] !== "," && csv[i] !== "\r") cell += csv[i++];
    }
    record.push(cell);
    if (csv[i] === ",") i += 1;
    else if (csv.startsWith("\r\n", i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`unexpected ${JSON.stringify(csv[i])} at ${i}`);
  }
  return records;
}

/** What a reader of the raw file does to get a value back: drop one leading single quote. */
const recover = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

const row = (fields: Partial<ParityReportRow>): ParityReportRow => ({
  TimeGenerated: "2025-06-01T10:00:00.000Z",
  OperationName: "",
  Identity: "",
  CallerIpAddress: "",
  ResultType: "",
  ResultDescription: "",
  ...fields,
});

const HEADER = "TimeGenerated,OperationName,Identity,CallerIpAddress,ResultType,ResultDescription";

describe("parity report as CSV", () => {
  it("is the header alone when the query returns nothing", async () => {
    expect(await text(parityCsv(rowsOf([])))).toBe(`${HEADER}\r\n`);
  });

  it("writes plain rows unquoted, empty columns as empty cells", async () => {
    const csv = await text(parityCsv(rowsOf([row({ OperationName: "CloudTrail" })])));
    expect(csv).toBe(`${HEADER}\r\n2025-06-01T10:00:00.000Z,CloudTrail,,,,\r\n`);
  });

  const awkward = [
    'Add member to group, "quoted"',
    "two\r\nlines",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "'already quoted",
    "''",
    "'",
  ];

  it("quotes per RFC 4180 and neutralises formula cells, every value recoverable", async () => {
    const rows = awkward.map((value) => row({ Identity: value, ResultDescription: value }));
    const records = readCsv(await text(parityCsv(rowsOf(rows))));

    expect(records[0]?.join(",")).toBe(HEADER);
    for (const [index, value] of awkward.entries()) {
      const record = records[index + 1] ?? [];
      expect(record.map(recover)).toEqual(Object.values(rows[index] ?? {}));
      if (/^[=+\-@\t\r']/.test(value)) expect(record[2]).toBe(`'${value}`);
    }
  });
});

describe("parity report as JSON", () => {
  it("is an empty array when the query returns nothing", async () => {
    expect(JSON.parse(await text(parityJson(rowsOf([]))))).toEqual([]);
  });

  it("is the rows in order, raw values untouched", async () => {
    const rows = [row({ Identity: "=1+1" }), row({ OperationName: "CloudTrail" })];
    expect(JSON.parse(await text(parityJson(rowsOf(rows))))).toEqual(rows);
  });
});
