import { describe, expect, it } from "vitest";
import { MAX_NESTING, nestedDeeperThan } from "./json";

function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

describe("nestedDeeperThan", () => {
  it("counts each array or object level, scalars none", () => {
    for (const scalar of [1, "s", null, true, undefined])
      expect(nestedDeeperThan(scalar, 0)).toBe(false);
    expect(nestedDeeperThan({}, 0)).toBe(true);
    expect(nestedDeeperThan([], 1)).toBe(false);
    expect(nestedDeeperThan(nested(3), 3)).toBe(false);
    expect(nestedDeeperThan(nested(4), 3)).toBe(true);
  });

  it("finds the one deep branch among wide shallow ones, keys like __proto__ included", () => {
    const wide = Array.from({ length: 50 }, (_, i) => ({ [`k${i}`]: [i, { x: "y" }] }));
    expect(nestedDeeperThan(wide, 4)).toBe(false);
    expect(nestedDeeperThan(wide, 3)).toBe(true);
    const deepAtEnd = JSON.parse(`{"a":[1,2,{}],"__proto__":${JSON.stringify(nested(3))}}`);
    expect(nestedDeeperThan(deepAtEnd, 4)).toBe(false);
    expect(nestedDeeperThan(deepAtEnd, 3)).toBe(true);
    expect(nestedDeeperThan([...wide, nested(4)], 5)).toBe(false);
    expect(nestedDeeperThan([...wide, nested(5)], 5)).toBe(true);
  });

  it("takes records up to MAX_NESTING levels and refuses deeper ones, however deep", () => {
    expect(nestedDeeperThan(nested(MAX_NESTING))).toBe(false);
    expect(nestedDeeperThan(nested(MAX_NESTING + 1))).toBe(true);
    expect(nestedDeeperThan(nested(100_000))).toBe(true);
  });
});
