import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { createApiToken, findApiToken } from "./api-token-store";
import { changePassword } from "./password-change";
import { SIGN_IN_LIMITS } from "./rate-limit";
import { findSession } from "./session-store";
import { signIn } from "./sign-in";
import { makeUser } from "./test-users";

giveEachFileATestDatabase();

const PASSWORD = "a sufficiently long password";
const IP = "192.0.2.10";

async function auditActions(target: string): Promise<string[]> {
  const rows = await db().auditEvent.findMany({ where: { target }, orderBy: { id: "asc" } });
  return rows.map((r) => r.action);
}

describe("sign-in", () => {
  it("opens a session for the right password and audits both outcomes", async () => {
    const user = await makeUser("analyst", PASSWORD);
    const wrong = await signIn({ email: user.email, password: "not it" }, IP);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });

    const right = await signIn({ email: user.email, password: PASSWORD }, IP);
    if (!right.ok) throw new Error("expected a session");
    expect((await findSession(right.token))?.user.id).toBe(user.id);
    expect(await auditActions(user.email)).toEqual(["sign_in.failed", "sign_in.succeeded"]);

    const rows = await db().auditEvent.findMany({ where: { target: user.email } });
    const audit = JSON.stringify(rows.map(({ id: _id, ...row }) => row));
    expect(audit).not.toContain(PASSWORD);
    expect(audit).not.toContain(right.token);
  });

  it("keeps no trace of a password typed into the email field", async () => {
    const typo = "Hunter2-in-the-wrong-field";
    expect((await signIn({ email: typo.toLowerCase(), password: "x" }, IP)).ok).toBe(false);
    const rows = await db().auditEvent.findMany({ where: { action: "sign_in.failed" } });
    const failures = await db().signInFailure.findMany();
    const stored = JSON.stringify([...rows, ...failures].map(({ id: _id, ...row }) => row));
    expect(stored).not.toContain(typo.toLowerCase());
    expect(rows.map((r) => r.target)).toContain("(not an email address)");
  });

  it("answers an unknown account like a wrong password", async () => {
    const result = await signIn({ email: "nobody@example.test", password: PASSWORD }, IP);
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });

  it("counts and audits a NUL byte in the email as a failed sign-in", async () => {
    const email = `nul\u0000${Date.now()}@example.test`;
    const ip = "192.0.2.77";
    for (let i = 0; i < SIGN_IN_LIMITS.account; i += 1) {
      expect(await signIn({ email, password: PASSWORD }, ip)).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
    expect(await signIn({ email, password: PASSWORD }, ip)).toEqual({
      ok: false,
      reason: "throttled",
    });
    const rows = await db().auditEvent.findMany({
      where: { action: { startsWith: "sign_in." }, ip },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(SIGN_IN_LIMITS.account).fill("sign_in.failed"),
      "sign_in.throttled",
    ]);
    expect(rows[0]).toMatchObject({ target: "(not an email address)" });
  });

  it("answers an over-long password as such, counted and audited, without hashing it", async () => {
    const user = await makeUser("viewer", PASSWORD);
    const result = await signIn({ email: user.email, password: "x".repeat(257) }, IP);
    expect(result).toEqual({ ok: false, reason: "too_long" });
    const rows = await db().auditEvent.findMany({ where: { target: user.email } });
    expect(rows.map((r) => [r.action, r.details])).toEqual([
      ["sign_in.failed", { reason: "password too long" }],
    ]);
    expect(await db().signInFailure.count({ where: { key: `ip:${IP}` } })).toBeGreaterThan(0);
  });

  it("refuses even the right password once the account is throttled", async () => {
    const user = await makeUser("viewer", PASSWORD);
    for (let i = 0; i < SIGN_IN_LIMITS.account; i += 1) {
      await signIn({ email: user.email, password: `guess ${i}` }, `192.0.2.${i + 20}`);
    }
    const result = await signIn({ email: user.email, password: PASSWORD }, IP);
    expect(result).toEqual({ ok: false, reason: "throttled" });
    expect(await auditActions(user.email)).toContain("sign_in.throttled");
  });
});

describe("password change", () => {
  it("needs the current password and ends the user's other sessions", async () => {
    const user = await makeUser("viewer", PASSWORD);
    const here = await signIn({ email: user.email, password: PASSWORD }, IP);
    const elsewhere = await signIn({ email: user.email, password: PASSWORD }, IP);
    if (!here.ok || !elsewhere.ok) throw new Error("expected sessions");
    const session = await findSession(here.token);
    if (!session) throw new Error("expected the session");

    const refused = await changePassword(
      session,
      { currentPassword: "wrong", newPassword: "another long password" },
      IP,
    );
    expect(refused).toEqual({ ok: false, reason: "wrong" });

    const changed = await changePassword(
      session,
      { currentPassword: PASSWORD, newPassword: "another long password" },
      IP,
    );
    expect(changed).toEqual({ ok: true, endedSessions: 1 });
    expect(await findSession(here.token)).not.toBeNull();
    expect(await findSession(elsewhere.token)).toBeNull();
    expect((await signIn({ email: user.email, password: PASSWORD }, IP)).ok).toBe(false);
    expect((await signIn({ email: user.email, password: "another long password" }, IP)).ok).toBe(
      true,
    );
  });

  it("leaves the user's API tokens working: they are credentials of their own", async () => {
    const user = await makeUser("analyst", PASSWORD);
    const { token } = await createApiToken(user, { name: "ci", role: "analyst", lifetime: "30" });
    const here = await signIn({ email: user.email, password: PASSWORD }, IP);
    if (!here.ok) throw new Error("expected a session");
    const session = await findSession(here.token);
    if (!session) throw new Error("expected the session");

    const newPassword = "yet another long password";
    const changed = await changePassword(session, { currentPassword: PASSWORD, newPassword }, IP);
    expect(changed.ok).toBe(true);
    expect((await findApiToken(token))?.user.id).toBe(user.id);
  });
});
