import { describe, expect, it } from "vitest";
import { copyLine } from "./copy-text";

describe("copyLine", () => {
  it("separates fields by tabs, writes null as \\N and ends the line", () => {
    expect(copyLine(["a", null, 3, true])).toBe("a\t\\N\t3\ttrue\n");
  });

  it("escapes backslashes and the characters that end a field or a row", () => {
    expect(copyLine(['{"a":"x\\"y"}', "l1\nl2\r\tz"])).toBe('{"a":"x\\\\"y"}\tl1\\nl2\\r\\tz\n');
  });
});
