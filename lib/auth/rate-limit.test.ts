import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import {
  clearAccountFailures,
  recordSignInFailure,
  SIGN_IN_LIMITS,
  SIGN_IN_WINDOW_MS,
  signInThrottled,
} from "./rate-limit";

giveEachFileATestDatabase();

async function fail(times: number, email: string, ip: string | null) {
  for (let i = 0; i < times; i += 1) await recordSignInFailure({ email, ip });
}

describe("sign-in throttling", () => {
  it("throttles an account after its failures, from any address", async () => {
    const email = "target@example.test";
    await fail(SIGN_IN_LIMITS.account - 1, email, "198.51.100.1");
    expect(await signInThrottled({ email, ip: "198.51.100.1" })).toBe(false);
    await fail(1, email, "198.51.100.2");
    expect(await signInThrottled({ email, ip: "198.51.100.3" })).toBe(true);
    expect(await signInThrottled({ email: "other@example.test", ip: "198.51.100.3" })).toBe(false);
  });

  it("throttles an address that sprays many accounts", async () => {
    const ip = "203.0.113.77";
    for (let i = 0; i < SIGN_IN_LIMITS.ip; i += 1) await fail(1, `spray${i}@example.test`, ip);
    expect(await signInThrottled({ email: "fresh@example.test", ip })).toBe(true);
    expect(await signInThrottled({ email: "fresh@example.test", ip: "203.0.113.78" })).toBe(false);
  });

  it("forgets failures older than the window", async () => {
    const email = "old@example.test";
    await fail(SIGN_IN_LIMITS.account, email, null);
    expect(await signInThrottled({ email, ip: null })).toBe(true);
    await db().signInFailure.updateMany({
      where: { key: { startsWith: "account:" } },
      data: { at: new Date(Date.now() - SIGN_IN_WINDOW_MS - 1000) },
    });
    expect(await signInThrottled({ email, ip: null })).toBe(false);
  });

  it("forgives an account's failures after a successful sign-in", async () => {
    const email = "forgiven@example.test";
    await fail(SIGN_IN_LIMITS.account, email, null);
    await clearAccountFailures(email);
    expect(await signInThrottled({ email, ip: null })).toBe(false);
  });
});
