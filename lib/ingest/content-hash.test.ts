import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./content-hash";

// The definition stored hashes were computed by: any faster canonicalJson must match it exactly.
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(object[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  "",
  "plain",
  'quote " and \\ backslash',
  "\u0000\u0001\u001f\u007f\b\f\n\r\t",
  "\u2028\u2029",
  "é漢字😀",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "__proto__",
  "constructor",
  "10",
  "9",
  "-1",
  "1.5",
];
const NASTY_NUMBERS = [0, -0, 1, -1, 1.5, 1e21, 1e-7, 123456789012345680000, 2 ** 53 + 2, 5e-324];

function randomValue(rand: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const roll = rand();
  if (depth > 4 || roll < 0.4) {
    return pick<unknown>([...NASTY_STRINGS, ...NASTY_NUMBERS, true, false, null]);
  }
  if (roll < 0.6) {
    return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
  }
  const text = `{${Array.from(
    { length: Math.floor(rand() * 6) },
    () => `${JSON.stringify(pick(NASTY_STRINGS))}:${JSON.stringify(randomValue(rand, depth + 1))}`,
  ).join(",")}}`;
  return JSON.parse(text);
}

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units at every level, integer-like keys included", () => {
    const value = JSON.parse('{"b":1,"a":{"z":[3,{"y":2,"x":1}],"10":0,"9":0,"B":0}}');
    expect(canonicalJson(value)).toBe('{"a":{"10":0,"9":0,"B":0,"z":[3,{"x":1,"y":2}]},"b":1}');
  });

  it("keeps __proto__ and other own keys that a parsed record may hold", () => {
    const value = JSON.parse('{"__proto__":{"a":1},"constructor":"c","toString":[]}');
    expect(canonicalJson(value)).toBe('{"__proto__":{"a":1},"constructor":"c","toString":[]}');
  });

  it("writes numbers, strings and keys as JSON.stringify does", () => {
    const value = { n: [-0, 1e21, 1e-7, 0.1, Number.NaN, Number.POSITIVE_INFINITY] };
    expect(canonicalJson(value)).toBe('{"n":[0,1e+21,1e-7,0.1,null,null]}');
    const strings = JSON.parse('{"k\\"\\n\\ud800":"\\ud800\\u2028\\u0000é😀\\\\"}');
    expect(canonicalJson(strings)).toBe('{"k\\"\\n\\ud800":"\\ud800\u2028\\u0000é😀\\\\"}');
  });

  it("writes every string as JSON.stringify does, short or long, escapes at either end", () => {
    const specials = [
      '"',
      "\\",
      "\u0000",
      "\u001f",
      "\n",
      "\ud800",
      "\udfff",
      "😀",
      "\u007f",
      "\u2028",
    ];
    for (const length of [0, 1, 63, 64, 65, 300]) {
      const plain = "a".repeat(length);
      expect(canonicalJson(plain)).toBe(JSON.stringify(plain));
      for (const special of specials) {
        for (const text of [special + plain, plain + special, `${plain.slice(1)}${special}b`]) {
          const value = [text, { [text]: text }];
          expect(canonicalJson(value)).toBe(reference(value));
        }
      }
    }
  });

  it("writes nested and empty containers and values JSON has no text for", () => {
    expect(canonicalJson([[], {}, [[null]], { a: [] }])).toBe('[[],{},[[null]],{"a":[]}]');
    expect(canonicalJson([undefined, () => 1, Symbol("s")])).toBe("[null,null,null]");
    expect(canonicalJson({ a: undefined })).toBe('{"a":null}');
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson("top")).toBe('"top"');
  });

  it("matches the reference definition on many generated records", () => {
    const rand = random(8);
    for (let i = 0; i < 3000; i++) {
      const value = randomValue(rand, 0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });
});

describe("contentHash", () => {
  it("is the sha256 hex of the canonical text, the same for any key order", () => {
    const a = JSON.parse('{"eventID":"e1","b":[1,"\\ud800"],"a":{"y":1,"x":"é"}}');
    const b = JSON.parse('{"a":{"x":"é","y":1},"b":[1,"\\ud800"],"eventID":"e1"}');
    const expected = createHash("sha256").update(reference(a)).digest("hex");
    expect(contentHash(a)).toBe(expected);
    expect(contentHash(b)).toBe(expected);
  });

  it("keeps the digest stored hashes were made with", () => {
    const value = JSON.parse('{"eventName":"CreateUser","n":-0,"s":"\\ud83d\\ude00\\udc00"}');
    expect(contentHash(value)).toBe(
      createHash("sha256").update('{"eventName":"CreateUser","n":0,"s":"😀\\udc00"}').digest("hex"),
    );
  });
});
