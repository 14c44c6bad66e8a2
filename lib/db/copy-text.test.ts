import { describe, expect, it } from "vitest";
import { copyLine } from "./copy-text";

describe("copyLine", () => {
  it("separates fields by tabs, writes null as \\N and ends the line", () => {
    expect(copyLine(["a", null, 3, true])).toBe("a\t\\N\t3\ttrue\n");
  });

  it("escapes backslashes and the characters that end a field or a row", () => {
    expect(copyLine(['{"a":"x\\"y"}', "l1\nl2\r\tz"])).toBe('{"a":"x\\\\"y"}\tl1\\nl2\\r\\tz\n');
  });

  it("escapes every mix of backslash, tab, CR and LF, and only those", () => {
    const cases: [string, string][] = [
      ["", ""],
      ["\\", "\\\\"],
      ["\\N", "\\\\N"],
      ["\\\t", "\\\\\\t"],
      ["\t\\", "\\t\\\\"],
      ["\r\n", "\\r\\n"],
      ["\n\n\\n", "\\n\\n\\\\n"],
      ["a\rb\tc\nd\\e", "a\\rb\\tc\\nd\\\\e"],
      ["\u000b\f\u0000\u2028é😀\ud800", "\u000b\f\u0000\u2028é😀\ud800"],
      ['"quoted"', '"quoted"'],
    ];
    for (const [value, expected] of cases) {
      expect(copyLine([value])).toBe(`${expected}\n`);
      expect(copyLine([1, value, value])).toBe(`1\t${expected}\t${expected}\n`);
    }
  });

  it("writes numbers and booleans as their text, and an empty row as one null field", () => {
    expect(copyLine([-0, 1e21, 0.5, Number.NaN, false, "\\N"])).toBe(
      "0\t1e+21\t0.5\tNaN\tfalse\t\\\\N\n",
    );
    expect(copyLine([])).toBe("\\N\n");
  });
});
