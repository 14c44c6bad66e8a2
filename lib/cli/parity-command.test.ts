import {
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { eventVectors, storeVectorEvents } from "../testing/vector-events";
import { parityCommand } from "./parity-command";

giveEachFileATestDatabase();

const { now, events: vectors } = eventVectors();
const expectedCount = vectors.filter((v) => v.sentinelParity).length;

let stdout: MockInstance<typeof process.stdout.write>;
let stderr: MockInstance<typeof process.stderr.write>;
const written = (spy: MockInstance<typeof process.stdout.write>) =>
  spy.mock.calls.map(([chunk]) => String(chunk)).join("");

beforeAll(async () => {
  await storeVectorEvents(vectors);
});

beforeEach(() => {
  stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("tripline parity-report", () => {
  it("prints the rows as a JSON array by default", async () => {
    expect(await parityCommand(["--at", now.toISOString()])).toBe(0);
    expect(written(stderr)).toBe("tripline: parity report read from events\n");
    const rows: unknown = JSON.parse(written(stdout));
    expect(rows).toHaveLength(expectedCount);
    expect(rows).toContainEqual({
      TimeGenerated: "2025-06-01T10:00:00.000Z",
      OperationName: "Group_AddMember",
      Identity: "bob@contoso.com",
      CallerIpAddress: "",
      ResultType: "Success",
      ResultDescription: "",
    });
  });

  it("prints CSV with --csv: a header and one record per row", async () => {
    expect(await parityCommand(["--csv", "--at", "2025-06-01T12:00:00"])).toBe(0);
    const lines = written(stdout).split("\r\n");
    expect(lines[0]).toBe(
      "TimeGenerated,OperationName,Identity,CallerIpAddress,ResultType,ResultDescription",
    );
    expect(lines.slice(1, -1)).toHaveLength(expectedCount);
    expect(lines.at(-1)).toBe("");
  });

  it("prints an empty array when the query returns nothing at that instant", async () => {
    expect(await parityCommand(["--at", "2000-01-01T00:00:00Z"])).toBe(0);
    expect(JSON.parse(written(stdout))).toEqual([]);
  });

  it.each([
    [["--at", "yesterday"], /--at: Give the time as ISO 8601/],
    [["--at"], /argument missing/],
    [["--format", "csv"], /Unknown option/],
    [["extra"], /Unexpected argument/],
  ])("exits 2 on %j", async (args, message) => {
    expect(await parityCommand(args)).toBe(2);
    expect(written(stderr)).toMatch(message);
    expect(written(stdout)).toBe("");
  });
});
