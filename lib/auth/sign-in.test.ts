import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { giveEachFileATestDatabase } from "../testing/test-database";
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
});
