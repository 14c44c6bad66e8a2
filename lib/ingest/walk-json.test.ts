import { describe, expect, it } from "vitest";
import { ByteReader } from "./byte-reader";
import { IngestError } from "./ingest-error";
import { chunked, rejection } from "./test-support";
import { type RawElement, type RawItem, walkJson } from "./walk-json";

const CAP = 1024;

async function walk(text: string, chunkSize = 3, cap = CAP): Promise<RawItem[]> {
  const reader = new ByteReader(chunked(text, chunkSize), { maxFileBytes: 1e9 });
  const items: RawItem[] = [];
  for await (const item of walkJson(reader, cap)) items.push(item);
  return items;
}

function elements(items: RawItem[]): RawElement[] {
  return items.filter((i): i is RawElement => i.type === "element");
}

function texts(items: RawItem[]): (string | null)[] {
  return elements(items).map((e) => (e.bytes === null ? null : new TextDecoder().decode(e.bytes)));
}

describe("walkJson splits records out of a byte stream", () => {
  it("finds each element of a container list, whatever the chunk boundaries", async () => {
    const text = '{"Records": [ {"a":"x]}\\"{"} ,{"b":[1,{"c":"}"}]}, 7, "s,]" ]}';
    for (const size of [1, 2, 5, 1000]) {
      expect(texts(await walk(text, size))).toEqual([
        '{"a":"x]}\\"{"}',
        '{"b":[1,{"c":"}"}]}',
        "7",
        '"s,]"',
      ]);
    }
  });

  it("finds the list under any container key, after or before other keys", async () => {
    const text = '{"NextToken": "t", "Events": [{"x":1}], "@odata.nextLink": {"a": [2]}}';
    const items = await walk(text);
    expect(items[0]).toEqual({ type: "list", layout: "Events" });
    expect(texts(items)).toEqual(['{"x":1}']);
  });

  it("announces an empty list", async () => {
    expect(await walk('{"Records":[]}')).toEqual([{ type: "list", layout: "Records" }]);
  });

  it("reads a lone object as one document record", async () => {
    const items = await walk('\n  {"eventVersion": "1.08",\n "Records": "not a list"}\n');
    expect(elements(items).map((e) => [e.layout, e.line, e.offset])).toEqual([["document", 2, 3]]);
    expect(texts(items)).toEqual(['{"eventVersion": "1.08",\n "Records": "not a list"}']);
  });

  it("reads one-line objects followed by more as JSON Lines, skipping blank lines", async () => {
    const items = await walk('{"a":1}\r\n\r\n{"b":2}\r\n  {"c":3}  \n');
    expect(elements(items).map((e) => [e.layout, e.line])).toEqual([
      ["line", 1],
      ["line", 3],
      ["line", 4],
    ]);
    expect(texts(items)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it("keeps a broken JSON line as a record of its own for the parser to reject", async () => {
    expect(texts(await walk('{"a":1}\n{"b": "unterminated\n{"c":3}\n'))).toEqual([
      '{"a":1}',
      '{"b": "unterminated',
      '{"c":3}',
    ]);
  });

  it("reads concatenated multi-line documents one after another", async () => {
    const items = await walk('{\n"a":1\n}\n{\n"b":2\n}');
    expect(elements(items).map((e) => e.layout)).toEqual(["sequence", "sequence"]);
  });

  it("gives line and byte offset of each list element", async () => {
    const items = await walk('[\n {"a":1},\n {"b":2}\n]');
    expect(elements(items).map((e) => [e.line, e.offset])).toEqual([
      [2, 3],
      [3, 13],
    ]);
  });

  it("follows escapes, brackets in strings and line breaks across chunk boundaries", async () => {
    const records = [
      '{"a":"x\\\\","b":["]}",{"c":"\\"{["}],\n "d":\n[[],{}]}',
      '"s\\\\\\"t]"',
      '[{"e":"\\u005c"},\n\n"}"]',
    ];
    const text = `[${records.join(",\n")}\n]`;
    for (const size of [1, 2, 3, 7, 1000]) {
      const found = elements(await walk(text, size));
      expect(found.map((e) => new TextDecoder().decode(e.bytes ?? undefined))).toEqual(records);
      expect(found.map((e) => [e.line, e.offset])).toEqual([
        [1, 1],
        [4, 53],
        [5, 64],
      ]);
    }
  });

  it("drops the bytes of a record over the cap but counts its size", async () => {
    const big = `{"pad":"${"x".repeat(2000)}"}`;
    const items = elements(await walk(`[{"a":1},${big},{"b":2}]`, 64));
    expect(items.map((e) => e.bytes === null)).toEqual([false, true, false]);
    expect(items[1]?.size).toBe(big.length);
  });

  it.each([
    ['{"Records":[{"a":1},{"b":', /ends inside a record at byte 25/],
    ['{"Records":[{"a":1}', /ends inside a list of records/],
    ['[{"a":"open string', /ends inside a string/],
    ['{"Records":[{"a":1} {"b":2}]}', /expected "," or "\]"/],
    ['{"Records":[{"a":1},]}', /a value was expected/],
    ['{"a" 1}', /expected ":"/],
  ])("refuses broken JSON %s", async (text, message) => {
    const error = await rejection(() => walk(text));
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("invalid_json");
    expect((error as IngestError).message).toMatch(message);
  });
});
