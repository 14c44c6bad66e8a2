import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canSealSecrets, open, seal } from "./secret-box";

const ROW = "0b7c3f4e-2f51-4c8a-9d59-1f7c2b8a6e10";
let saved: string | undefined;

beforeEach(() => {
  saved = process.env.TRIPLINE_SECRET_KEY;
  process.env.TRIPLINE_SECRET_KEY = randomBytes(32).toString("base64");
});

afterEach(() => {
  if (saved === undefined) delete process.env.TRIPLINE_SECRET_KEY;
  else process.env.TRIPLINE_SECRET_KEY = saved;
});

describe("secret box", () => {
  it("seals with a fresh nonce and opens only for the same row", () => {
    const a = seal("client-secret-value", ROW);
    const b = seal("client-secret-value", ROW);
    expect(a).not.toBe(b);
    expect(a).not.toContain("client-secret-value");
    expect(open(a, ROW)).toBe("client-secret-value");
    expect(() => open(a, "00000000-0000-4000-8000-000000000000")).toThrow(/do not open/);
  });

  it("refuses a tampered value and a different key", () => {
    const sealed = seal("s3cr3t", ROW);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64");
    expect(() => open(parts.join("."), ROW)).toThrow(/do not open/);

    process.env.TRIPLINE_SECRET_KEY = randomBytes(32).toString("hex");
    expect(() => open(sealed, ROW)).toThrow(/do not open/);
  });

  it("says why without a key", () => {
    delete process.env.TRIPLINE_SECRET_KEY;
    expect(canSealSecrets()).toBe(false);
    expect(() => seal("x", ROW)).toThrow(/TRIPLINE_SECRET_KEY/);
  });

  it("rejects a key that is not 32 bytes at the environment's edge", () => {
    process.env.TRIPLINE_SECRET_KEY = "too-short";
    expect(() => canSealSecrets()).toThrow(/TRIPLINE_SECRET_KEY/);
  });
});
