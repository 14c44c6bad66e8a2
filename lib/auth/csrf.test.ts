import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";
import { isSafeMethod, isSameOrigin } from "./csrf";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("same-origin check for cookie requests", () => {
  it("trusts Sec-Fetch-Site when the browser sends it", () => {
    expect(isSameOrigin(headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(headers({ "sec-fetch-site": "cross-site", host: "a" }))).toBe(false);
    expect(isSameOrigin(headers({ "sec-fetch-site": "same-site" }))).toBe(false);
    const forged = { "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000" };
    expect(isSameOrigin(headers({ ...forged, host: "127.0.0.1:3000" }))).toBe(false);
  });

  it("falls back to comparing Origin with the host", () => {
    const host = "127.0.0.1:3000";
    expect(isSameOrigin(headers({ origin: "http://127.0.0.1:3000", host }))).toBe(true);
    expect(isSameOrigin(headers({ origin: "http://evil.example", host }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "null", host }))).toBe(false);
    expect(isSameOrigin(headers({ origin: "not a url", host }))).toBe(false);
  });

  it("ignores X-Forwarded-Host, which any direct client can send", () => {
    const host = "127.0.0.1:3000";
    const forged = { origin: "http://evil.example", "x-forwarded-host": "evil.example", host };
    expect(isSameOrigin(headers(forged))).toBe(false);
  });

  it("accepts the public address a reverse proxy serves, when configured", () => {
    const proxied = { origin: "https://soc.example", host: "127.0.0.1:3000" };
    expect(isSameOrigin(headers(proxied))).toBe(false);
    process.env.TRIPLINE_PUBLIC_URL = "https://soc.example/";
    try {
      expect(isSameOrigin(headers(proxied))).toBe(true);
      expect(isSameOrigin(headers({ ...proxied, origin: "http://soc.example" }))).toBe(false);
    } finally {
      delete process.env.TRIPLINE_PUBLIC_URL;
    }
  });

  it("refuses a request that says nothing about where it comes from", () => {
    expect(isSameOrigin(headers({ host: "127.0.0.1:3000" }))).toBe(false);
  });

  it("knows which methods change nothing", () => {
    expect(isSafeMethod("GET")).toBe(true);
    expect(isSafeMethod("head")).toBe(true);
    expect(isSafeMethod("POST")).toBe(false);
    expect(isSafeMethod("DELETE")).toBe(false);
  });
});

describe("client address", () => {
  it("takes the last X-Forwarded-For hop", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(headers({ "x-forwarded-for": "1.1.1.1, 10.0.0.2" }))).toBe("10.0.0.2");
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(headers({ "x-forwarded-for": "::1" }))).toBe("::1");
  });

  it("ignores what is not an address", () => {
    expect(clientIp(headers({}))).toBeNull();
    expect(clientIp(headers({ "x-forwarded-for": "<script>" }))).toBeNull();
  });
});
