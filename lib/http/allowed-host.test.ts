import { afterEach, describe, expect, it } from "vitest";
import { isAllowedHost } from "./allowed-host";

describe("allowed Host headers", () => {
  afterEach(() => {
    delete process.env.TRIPLINE_ALLOWED_HOSTS;
    delete process.env.TRIPLINE_PUBLIC_URL;
  });

  it.each(["127.0.0.1:3000", "localhost:3000", "LOCALHOST", "[::1]:3000", "192.0.2.10"])(
    "serves %s",
    (host) => {
      expect(isAllowedHost(host)).toBe(true);
    },
  );

  it.each(["evil.example:3000", "evil.example", "localhost.evil.example", "", null])(
    "refuses %j",
    (host) => {
      expect(isAllowedHost(host)).toBe(false);
    },
  );

  it("serves the names an operator configured", () => {
    process.env.TRIPLINE_ALLOWED_HOSTS = "soc.example.org, tripline.internal";
    process.env.TRIPLINE_PUBLIC_URL = "https://tripline.example.com/";
    expect(isAllowedHost("soc.example.org")).toBe(true);
    expect(isAllowedHost("tripline.internal:8443")).toBe(true);
    expect(isAllowedHost("tripline.example.com")).toBe(true);
    expect(isAllowedHost("other.example.org")).toBe(false);
  });
});
