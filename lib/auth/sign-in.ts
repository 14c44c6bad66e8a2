import { recordAudit } from "../audit/store";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { clearAccountFailures, recordSignInFailure, signInThrottled } from "./rate-limit";
import { Email, type SignInInput, signInInputProblem } from "./schemas";
import { createSession, purgeExpiredSessions } from "./session-store";
import { findCredentials, setPasswordHash, type User } from "./user-store";

export type SignInResult =
  | { ok: true; user: User; token: string; expiresAt: Date }
  | { ok: false; reason: "invalid" | "throttled" | "malformed" | "too_long" };

const PROBLEM_NAMES = { malformed: "malformed email", too_long: "password too long" } as const;

/**
 * Checks a password and opens a session. The limit is checked before any hashing, so a flood of
 * guesses costs the server a count query each, not a 32 MiB hash.
 */
export async function signIn(input: SignInInput, ip: string | null): Promise<SignInResult> {
  const { email } = input;
  // Not an address: perhaps a password typed in the wrong field, which the audit must not keep.
  const shown = Email.safeParse(email).success ? email : "(not an email address)";
  const anonymous = { email: shown, via: "anonymous" as const, ip };
  if (await signInThrottled({ email, ip })) {
    await recordAudit({ action: "sign_in.throttled", actor: anonymous, target: shown });
    return { ok: false, reason: "throttled" };
  }
  // Input no account can match is a failed attempt like any other: counted and audited.
  const problem = signInInputProblem(input);
  if (problem) {
    await recordSignInFailure({ email, ip });
    await recordAudit({
      action: "sign_in.failed",
      actor: anonymous,
      target: shown,
      details: { reason: PROBLEM_NAMES[problem] },
    });
    return { ok: false, reason: problem };
  }

  const found = await findCredentials(email);
  const valid = await verifyPassword(input.password, found?.passwordHash ?? (await decoyHash()));
  if (!found || !valid) {
    await recordSignInFailure({ email, ip });
    const reason = found ? "wrong password" : "no such account";
    await recordAudit({
      action: "sign_in.failed",
      actor: anonymous,
      target: shown,
      details: { reason },
    });
    return { ok: false, reason: "invalid" };
  }

  if (needsRehash(found.passwordHash)) {
    await setPasswordHash(found.user.id, await hashPassword(input.password), { rehash: true });
  }
  await clearAccountFailures(email);
  await purgeExpiredSessions();
  const session = await createSession(found.user.id);
  const { user } = found;
  await recordAudit({
    action: "sign_in.succeeded",
    actor: { id: user.id, email: user.email, via: "session", ip },
    target: user.email,
  });
  return { ok: true, user, ...session };
}
