import { describe, expect, it } from "vitest";
import { parseCidr } from "./cidr";

describe("CIDR ranges", () => {
  it.each([
    ["203.0.113.0/24", "203.0.113.0/24"],
    ["203.0.113.7", "203.0.113.7/32"],
    ["2001:DB8::/32", "2001:db8::/32"],
    ["2001:db8::1", "2001:db8::1/128"],
    ["::ffff:192.0.2.0/120", "::ffff:192.0.2.0/120"],
    ["0.0.0.0/0", "0.0.0.0/0"],
  ])("reads %s as %s", (text, canonical) => {
    expect(parseCidr(text)).toBe(canonical);
  });

  it.each([
    "203.0.113.7/24",
    "203.0.113.0/33",
    "2001:db8::1/32",
    "not an address",
    "10.0.0.0/8/8",
    "10.0.0.0/-1",
    "",
  ])("refuses %j", (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});
