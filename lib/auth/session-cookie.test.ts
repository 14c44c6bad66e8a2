import { afterEach, describe, expect, it } from "vitest";
import { pickSessionToken, wantsSecureCookie } from "./session-cookie";

const TOKEN = "x".repeat(43);

describe("session cookie", () => {
  afterEach(() => {
    delete process.env.TRIPLINE_SECURE_COOKIES;
  });

  it("is Secure over https and not on plain http, unless configured", () => {
    const https = new Headers({ "x-forwarded-proto": "https" });
    const http = new Headers({ "x-forwarded-proto": "http" });
    expect(wantsSecureCookie(https)).toBe(true);
    expect(wantsSecureCookie(http)).toBe(false);
    process.env.TRIPLINE_SECURE_COOKIES = "always";
    expect(wantsSecureCookie(http)).toBe(true);
    process.env.TRIPLINE_SECURE_COOKIES = "never";
    expect(wantsSecureCookie(https)).toBe(false);
  });

  it("over https reads only the __Host- cookie, over http only the plain one", () => {
    const https = new Headers({ "x-forwarded-proto": "https" });
    const http = new Headers();
    const plainOnly: Record<string, string> = { tripline_session: TOKEN };
    expect(pickSessionToken(https, (name) => plainOnly[name])).toBeNull();
    expect(pickSessionToken(http, (name) => plainOnly[name])).toBe(TOKEN);
    const hostOnly: Record<string, string> = { "__Host-tripline_session": TOKEN };
    expect(pickSessionToken(https, (name) => hostOnly[name])).toBe(TOKEN);
    expect(pickSessionToken(http, (name) => hostOnly[name])).toBeNull();
  });

  it("ignores values of the wrong shape", () => {
    const http = new Headers();
    expect(pickSessionToken(http, () => "short")).toBeNull();
    expect(pickSessionToken(http, () => `${"z".repeat(42)};`)).toBeNull();
  });
});
