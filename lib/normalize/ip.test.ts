import { describe, expect, it } from "vitest";
import { canonicalIp, classifySource } from "./ip";

describe("canonicalIp", () => {
  it.each([
    ["203.0.113.10", "203.0.113.10"],
    ["0.0.0.0", "0.0.0.0"],
    ["2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["::", "::"],
    ["::1", "::1"],
    ["fe80::", "fe80::"],
    ["::ffff:198.51.100.7", "::ffff:198.51.100.7"],
    ["::FFFF:c633:6407", "::ffff:198.51.100.7"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
  ])("canonicalises %s", (text, expected) => {
    expect(canonicalIp(text)).toBe(expected);
  });

  it.each([
    "256.1.1.1",
    "1.2.3",
    "01.2.3.4",
    "1.2.3.4.5",
    "2001:db8::1::2",
    "2001:db8:0:0:0:0:0:0:1",
    "12345::1",
    "fe80::1%eth0",
    "1.2.3.4::1",
    "ec2.amazonaws.com",
    "AWS Internal",
    "",
  ])("refuses %j", (text) => {
    expect(canonicalIp(text)).toBeNull();
  });
});

// The dotted decimal rule as first written, to hold any faster reading of it to the same answers.
function referenceIpv4(text: string): string | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (m === null) return null;
  const parts = m.slice(1, 5);
  if (parts.some((p) => p.length > 1 && p.startsWith("0"))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes.join(".") : null;
}

describe("canonicalIp on dotted decimal text", () => {
  it("answers as the dotted decimal rule does for any mix of digits, dots and other text", () => {
    const pieces = ["0", "00", "1", "9", "10", "25", "255", "256", "099", "1000", "", ".", "x"];
    const odd = ["\n", " ", "١", "+1", "-1", "0x1", "1e2", "::"];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const groups = Array.from({ length: 2 + next(4) }, () => pieces[next(pieces.length)]);
      let text = groups.join(".");
      if (next(5) === 0) text += odd[next(odd.length)];
      if (next(9) === 0) text = odd[next(odd.length)] + text;
      const expected = referenceIpv4(text);
      if (expected !== null) expect(canonicalIp(text)).toBe(expected);
      else if (!text.includes(":")) expect(canonicalIp(text)).toBeNull();
    }
  });
});

describe("classifySource", () => {
  it("keeps an address as an address and a service name as text", () => {
    expect(classifySource(" 203.0.113.10 ")).toEqual({ ip: "203.0.113.10", host: "" });
    expect(classifySource("AWS Internal")).toEqual({ ip: null, host: "AWS Internal" });
    expect(classifySource(null)).toEqual({ ip: null, host: "" });
    expect(classifySource(undefined)).toEqual({ ip: null, host: "" });
  });
});
