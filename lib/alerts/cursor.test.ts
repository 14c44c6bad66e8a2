import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { decodeCursor, encodeCursor } from "./cursor";

const order = { sort: "operation", dir: "asc" } as const;
const cursor = {
  ...order,
  value: "CreateUser",
  eventTime: new Date("2026-12-01T10:00:00.123Z"),
  id: 9_007_199_254_740_993n,
};
const token = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");

function refusal(text: string, expected: Parameters<typeof decodeCursor>[1] = order) {
  try {
    decodeCursor(text, expected);
  } catch (error) {
    return error;
  }
  return null;
}

describe("page cursors", () => {
  it("read back what they were made from, ids beyond 2^53 included", () => {
    expect(decodeCursor(encodeCursor(cursor), order)).toEqual(cursor);
  });

  it("carry a long name in any script, up to the limit", () => {
    const long = { ...cursor, value: "\u{1F600}".repeat(2_048) };
    expect(decodeCursor(encodeCursor(long), order).value).toBe(long.value);
    const tooLong = { ...cursor, value: "a".repeat(2_049) };
    expect((refusal(encodeCursor(tooLong)) as AppError).status).toBe(400);
  });

  it("carry a severity as its rank", () => {
    const severity = { ...cursor, sort: "severity", dir: "desc", value: 2 } as const;
    expect(decodeCursor(encodeCursor(severity), severity).value).toBe(2);
  });

  it.each([
    ["empty", ""],
    ["not base64url", "a+b/c=="],
    ["not JSON", Buffer.from("{nope").toString("base64url")],
    ["not a tuple", token({ sort: "operation" })],
    ["an unknown sort", token(["raw", "asc", "x", "2026-12-01T10:00:00Z", "1"])],
    ["a bad time", token(["operation", "asc", "x", "yesterday", "1"])],
    ["a negative id", token(["operation", "asc", "x", "2026-12-01T10:00:00Z", "-1"])],
    [
      "an id beyond bigint",
      token(["operation", "asc", "x", "2026-12-01T10:00:00Z", "9".repeat(19)]),
    ],
    ["an id with SQL", token(["operation", "asc", "x", "2026-12-01T10:00:00Z", "1 OR 1=1"])],
    ["a number for a text column", token(["operation", "asc", 1, "2026-12-01T10:00:00Z", "1"])],
    ["text for severity", token(["severity", "asc", "x", "2026-12-01T10:00:00Z", "1"])],
    ["a NUL character", token(["operation", "asc", "a\u0000", "2026-12-01T10:00:00Z", "1"])],
    ["an oversized token", "A".repeat(13_000)],
  ])("refuse %s with a 400 that says what to do", (_label, text) => {
    const error = refusal(text);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(/first page/);
  });

  it("refuse a cursor made under another sort order", () => {
    const error = refusal(encodeCursor(cursor), { sort: "operation", dir: "desc" });
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(/another sort order/);
  });
});
