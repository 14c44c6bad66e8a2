import { describe, expect, it } from "vitest";
import { splitCells } from "./split-cells";

describe("CSV cells (RFC 4180)", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ["a,,c,", ["a", "", "c", ""]],
    ['"x, y","he said ""hi""",z', ["x, y", 'he said "hi"', "z"]],
    ['"line 1\r\nline 2",b\r', ["line 1\r\nline 2", "b"]],
    ['ab"c,d', ['ab"c', "d"]],
    ['"",""', ["", ""]],
    ["", [""]],
  ])("%j", (row, cells) => {
    expect(splitCells(row, ",")).toEqual({ ok: true, cells });
  });

  it("reads other delimiters", () => {
    expect(splitCells('a;"b;c";d', ";")).toEqual({ ok: true, cells: ["a", "b;c", "d"] });
    expect(splitCells("a\tb", "\t")).toEqual({ ok: true, cells: ["a", "b"] });
  });

  it("says what is wrong with a broken row", () => {
    expect(splitCells('"abc"x,d', ",")).toEqual({
      ok: false,
      reason: "cell 1 has text after its closing quote",
    });
    expect(splitCells('a,"open', ",")).toEqual({
      ok: false,
      reason: "cell 2 opens a quote that is never closed",
    });
  });
});
