import { describe, expect, it } from "vitest";
import { replacedInvalidUtf8 } from "./utf8";

const lenient = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("replacedInvalidUtf8", () => {
  it("is true when bytes that are not UTF-8 became U+FFFD", () => {
    const bytes = new Uint8Array([0x61, 0xff, 0x62]);
    expect(replacedInvalidUtf8(bytes, lenient(bytes))).toBe(true);
  });

  it("is false for a U+FFFD the text itself holds, and for text without one", () => {
    const own = new TextEncoder().encode("a\ufffdb");
    expect(replacedInvalidUtf8(own, lenient(own))).toBe(false);
    const plain = new TextEncoder().encode("abc é");
    expect(replacedInvalidUtf8(plain, lenient(plain))).toBe(false);
  });
});
