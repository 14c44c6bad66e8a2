import { describe, expect, it } from "vitest";
import { sortedKeys } from "./sorted-keys";

function expected(keys: readonly string[]) {
  const sorted = [...keys].sort();
  return { keys: sorted, prefixes: sorted.map((k, i) => `${i ? "," : ""}${JSON.stringify(k)}:`) };
}

describe("sortedKeys", () => {
  it("sorts by UTF-16 code units and writes each key's JSON text", () => {
    const found = sortedKeys(["b", "10", "9", "B", 'q"\n', "é", "😀", "\ud800"]);
    expect(found.keys).toEqual(["10", "9", "B", "b", "é", "\ud800", "😀", 'q"\n'].sort());
    expect(found.prefixes.slice(0, 2)).toEqual(['"10":', ',"9":']);
    expect(found.prefixes).toContain(',"q\\"\\n":');
    expect(found.prefixes).toContain(',"\\ud800":');
  });

  it("tells apart key lists that share a first key, length or all but one key", () => {
    const lists = [
      ["id", "z", "a"],
      ["id", "a", "z"],
      ["id", "z", "b"],
      ["id", "z"],
      ["id", "z", "a", "m"],
      ["id"],
    ];
    for (let round = 0; round < 3; round++) {
      for (const keys of lists) expect({ ...sortedKeys(keys) }).toMatchObject(expected(keys));
    }
  });

  it("stays right past its limits: many shapes per first key, long key lists", () => {
    const many = Array.from({ length: 40 }, (_, i) => ["first", `k${i}`, `a${i % 3}`]);
    const long = Array.from({ length: 200 }, (_, i) => `key${(i * 7919) % 200}`);
    for (let round = 0; round < 2; round++) {
      for (const keys of [...many, long])
        expect({ ...sortedKeys(keys) }).toMatchObject(expected(keys));
    }
  });
});
