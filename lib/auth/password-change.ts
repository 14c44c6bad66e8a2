import { recordAudit } from "../audit/store";
import { hashPassword, verifyPassword } from "./password";
import { recordSignInFailure, signInThrottled } from "./rate-limit";
import type { Session } from "./session-store";
import { deleteOtherSessions } from "./session-store";
import { findCredentials, setPasswordHash } from "./user-store";

export type PasswordChangeResult =
  | { ok: true; endedSessions: number }
  | { ok: false; reason: "wrong" | "throttled" };

/**
 * Changes the signed-in user's password and ends their other sessions, so a session opened with
 * the old password (perhaps by whoever learnt it) stops working. Wrong current passwords count
 * as failed sign-ins: a stolen session cannot be used to guess the password.
 */
export async function changePassword(
  session: Session,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<PasswordChangeResult> {
  const { user } = session;
  if (await signInThrottled({ email: user.email, ip })) return { ok: false, reason: "throttled" };
  const found = await findCredentials(user.email);
  if (!found || !(await verifyPassword(input.currentPassword, found.passwordHash))) {
    await recordSignInFailure({ email: user.email, ip });
    return { ok: false, reason: "wrong" };
  }

  await setPasswordHash(user.id, await hashPassword(input.newPassword));
  const endedSessions = await deleteOtherSessions(user.id, session.id);
  await recordAudit({
    action: "password.changed",
    actor: { id: user.id, email: user.email, via: "session", ip },
    target: user.email,
    details: { endedSessions },
  });
  return { ok: true, endedSessions };
}
