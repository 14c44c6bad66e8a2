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

  it("reads the __Host- cookie first and ignores values of the wrong shape", () => {
    const jar: Record<string, string> = { tripline_session: TOKEN };
    expect(pickSessionToken((name) => jar[name])).toBe(TOKEN);
    jar["__Host-tripline_session"] = "y".repeat(43);
    expect(pickSessionToken((name) => jar[name])).toBe("y".repeat(43));
    expect(pickSessionToken(() => "short")).toBeNull();
    expect(pickSessionToken(() => `${"z".repeat(42)};`)).toBeNull();
  });
});
