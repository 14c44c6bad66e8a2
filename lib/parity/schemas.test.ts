import { describe, expect, it } from "vitest";
import { ParityAt, ParityQuery } from "./schemas";

describe("the run instant", () => {
  it.each([
    ["2025-06-01T12:00:00Z", "2025-06-01T12:00:00.000Z"],
    ["2025-06-01T14:00:00+02:00", "2025-06-01T12:00:00.000Z"],
    ["2025-06-01T12:00:00.1234567Z", "2025-06-01T12:00:00.123Z"],
    ["2025-06-01T12:00", "2025-06-01T12:00:00.000Z"],
    ["2025-06-01T12:00:30", "2025-06-01T12:00:30.000Z"],
    [" 2025-06-01T12:00:00.5 ", "2025-06-01T12:00:00.500Z"],
  ])("reads %j as %s (UTC when no zone is given)", (input, iso) => {
    expect(ParityAt.parse(input)?.toISOString()).toBe(iso);
  });

  it.each([undefined, ""])("is absent (now) for %j", (input) => {
    expect(ParityAt.parse(input)).toBeUndefined();
  });

  it.each(["yesterday", "2025-06-01", "2025-13-01T00:00:00Z", "1717243200", "2025-06-01T25:00"])(
    "refuses %j",
    (input) => {
      expect(ParityAt.safeParse(input).success).toBe(false);
    },
  );
});

describe("the report query string", () => {
  it("defaults to JSON", () => {
    expect(ParityQuery.parse({})).toEqual({ at: undefined, format: "json" });
  });

  it("takes csv and refuses other formats", () => {
    expect(ParityQuery.parse({ format: "csv" }).format).toBe("csv");
    expect(ParityQuery.safeParse({ format: "xlsx" }).success).toBe(false);
  });
});
