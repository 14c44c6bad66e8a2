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

describe("classifySource", () => {
  it("keeps an address as an address and a service name as text", () => {
    expect(classifySource(" 203.0.113.10 ")).toEqual({ ip: "203.0.113.10", host: "" });
    expect(classifySource("AWS Internal")).toEqual({ ip: null, host: "AWS Internal" });
    expect(classifySource(null)).toEqual({ ip: null, host: "" });
    expect(classifySource(undefined)).toEqual({ ip: null, host: "" });
  });
});
