import { describe, expect, it } from "vitest";
import type { EventFlag } from "../events/types";
import { parseTimestamp, resolveEventTime, UNREADABLE_TIME } from "./time";

function iso(value: unknown): string | null {
  return parseTimestamp(value)?.toISOString() ?? null;
}

describe("parseTimestamp", () => {
  it.each([
    ["2024-03-05T12:00:00Z", "2024-03-05T12:00:00.000Z"],
    ["2024-03-05T12:00:00.1234567Z", "2024-03-05T12:00:00.123Z"],
    ["2024-03-05T12:00:01.9999999Z", "2024-03-05T12:00:01.999Z"],
    ["2024-03-05T12:00:04+00:00", "2024-03-05T12:00:04.000Z"],
    ["2022-02-08 09:23:37+11:00", "2022-02-07T22:23:37.000Z"],
    ["2022-09-27 17:09:18", "2022-09-27T17:09:18.000Z"],
    ["2024-12-16 16:32:16.087554000", "2024-12-16T16:32:16.087Z"],
    ["2023-01-22 16:53:53.000", "2023-01-22T16:53:53.000Z"],
    ["2024-03-05T12:00:00-0530", "2024-03-05T17:30:00.000Z"],
    ["03/05/2024 12:00:02", "2024-03-05T12:00:02.000Z"],
    ["3/5/2024 12:00:03 PM", "2024-03-05T12:00:03.000Z"],
    ["3/5/2024 12:00:03 AM", "2024-03-05T00:00:03.000Z"],
    ["4/28/2021, 2:32:14.029 PM", "2021-04-28T14:32:14.029Z"],
    ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999Z"],
    [1644275017, "2022-02-07T23:03:37.000Z"],
    [1644275017123, "2022-02-07T23:03:37.123Z"],
  ])("reads %j", (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    "",
    "yesterday",
    "2024-02-30T00:00:00Z",
    "2024-13-01T00:00:00Z",
    "2024-03-05T24:00:00Z",
    "13/13/2024 10:00:00",
    "3/5/2024 13:00:00 PM",
    "0001-01-01T00:00:00Z",
    null,
    {},
    Number.NaN,
  ])("refuses %j", (value) => {
    expect(parseTimestamp(value)).toBeNull();
  });
});

describe("resolveEventTime", () => {
  it("uses the record's own time without a flag", () => {
    const flags = new Set<EventFlag>();
    const date = resolveEventTime(["2024-03-05T12:00:00Z"], ["2020-01-01T00:00:00Z"], flags);
    expect(date.toISOString()).toBe("2024-03-05T12:00:00.000Z");
    expect([...flags]).toEqual([]);
  });

  it("skips an absent or empty primary time without calling it a fallback", () => {
    const flags = new Set<EventFlag>();
    const date = resolveEventTime([undefined, "", "2024-03-05T12:00:00Z"], [], flags);
    expect(date.toISOString()).toBe("2024-03-05T12:00:00.000Z");
    expect([...flags]).toEqual([]);
  });

  it("flags a time taken after an unreadable one or from a fallback", () => {
    const skipped = new Set<EventFlag>();
    resolveEventTime(["garbage", "2024-03-05T12:00:00Z"], [], skipped);
    expect([...skipped]).toEqual(["time_fallback"]);
    const fallback = new Set<EventFlag>();
    const date = resolveEventTime([""], ["2024-03-05T12:00:06.5Z"], fallback);
    expect(date.toISOString()).toBe("2024-03-05T12:00:06.500Z");
    expect([...fallback]).toEqual(["time_fallback"]);
  });

  it("keeps an event with no readable time at the epoch, flagged", () => {
    const flags = new Set<EventFlag>();
    expect(resolveEventTime(["bad"], ["worse"], flags)).toBe(UNREADABLE_TIME);
    expect([...flags]).toEqual(["time_unreadable"]);
  });
});
