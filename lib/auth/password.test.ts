import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the password it hashed and refuses others", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([
      hashPassword("same password!"),
      hashPassword("same password!"),
    ]);
    expect(a).not.toBe(b);
  });

  it("treats Unicode forms of one password alike", async () => {
    const hash = await hashPassword("caf\u00e9 au lait 2024");
    expect(await verifyPassword("cafe\u0301 au lait 2024", hash)).toBe(true);
  });

  it("never matches a malformed or foreign hash", async () => {
    for (const stored of [
      "",
      "plain",
      "scrypt$x$8$1$abc$def",
      "bcrypt$2b$10$abc",
      "scrypt$1$1$1$$",
    ]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  it("asks for a rehash when the parameters changed", async () => {
    const hash = await hashPassword("a long enough password");
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(hash.replace("$32768$", "$16384$"))).toBe(true);
  });
});
