import { describe, expect, it } from "vitest";
import type { EventFlag } from "../events/types";
import { decodeJsonText, readEmbeddedJson, replaceNul, replaceNulEscapes } from "./text";

describe("replaceNulEscapes", () => {
  it("replaces real \\u0000 escapes and nothing else", () => {
    expect(replaceNulEscapes('{"a":"x\\u0000y"}')).toBe('{"a":"x\\ufffdy"}');
    expect(replaceNulEscapes('{"a":"x\\\\u0000y"}')).toBe('{"a":"x\\\\u0000y"}');
    expect(replaceNulEscapes('{"a":"\\\\\\u0000"}')).toBe('{"a":"\\\\\\ufffd"}');
    expect(replaceNulEscapes('{"\\u0000":"u0000"}')).toBe('{"\\ufffd":"u0000"}');
  });

  it("keeps the text parseable to the sanitised value", () => {
    const raw = '{"k\\u0000":["a\\u0000b",{"c":"\\u0000"}],"n":1}';
    const replaced = replaceNul(JSON.parse(raw));
    expect(replaced.changed).toBe(true);
    expect(JSON.parse(replaceNulEscapes(raw))).toEqual(replaced.value);
    expect(JSON.stringify(replaced.value)).not.toContain("\\u0000");
  });
});

describe("replaceNul", () => {
  it("leaves clean values alone and keeps a __proto__ key as data", () => {
    const value = JSON.parse('{"__proto__": {"x": "\\u0000"}, "a": [1, null, true]}');
    const { value: out, changed } = replaceNul(value);
    expect(changed).toBe(true);
    expect(Object.keys(out as object)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(replaceNul({ a: "clean" }).changed).toBe(false);
  });
});

describe("JSON held in strings", () => {
  it("decodes objects and arrays only", () => {
    expect(decodeJsonText(' {"a": 1} ')).toEqual({ a: 1 });
    expect(decodeJsonText("[1]")).toEqual([1]);
    expect(decodeJsonText("null")).toBeUndefined();
    expect(decodeJsonText("John Doe")).toBeUndefined();
    expect(decodeJsonText("{broken")).toBeUndefined();
  });

  it("flags the event only when it decoded something", () => {
    const flags = new Set<EventFlag>();
    expect(readEmbeddedJson({ a: 1 }, flags)).toEqual({ a: 1 });
    expect(readEmbeddedJson("plain", flags)).toBe("plain");
    expect([...flags]).toEqual([]);
    expect(readEmbeddedJson('{"b":2}', flags)).toEqual({ b: 2 });
    expect([...flags]).toEqual(["json_in_string_decoded"]);
  });
});
