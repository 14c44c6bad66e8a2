import { db } from "../db/client";
import { hashSecret } from "./secret-token";

// Failed sign-ins are kept in PostgreSQL rather than in memory: the limit survives restarts and
// holds across every server process that shares the database. A sliding window, counted per
// account (slows guessing one password) and per client address (slows spraying many accounts).
// Attempts refused by the limit are not counted, so a locked account opens again 15 minutes
// after its last real failure even while someone keeps knocking.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = { account: 5, ip: 50 } as const;

export interface SignInKeys {
  email: string;
  ip: string | null;
}

// The account key is hashed: what someone typed as an email may be a password typed in the
// wrong field, and this table should not keep it.
function keysOf({ email, ip }: SignInKeys): { account: string; ip: string | null } {
  return { account: `account:${hashSecret(email)}`, ip: ip ? `ip:${ip}` : null };
}

/** True when this account or address has used up its failures for the window. */
export async function signInThrottled(attempt: SignInKeys): Promise<boolean> {
  const keys = keysOf(attempt);
  const counts = await db().signInFailure.groupBy({
    by: ["key"],
    where: {
      key: { in: [keys.account, ...(keys.ip ? [keys.ip] : [])] },
      at: { gt: new Date(Date.now() - SIGN_IN_WINDOW_MS) },
    },
    _count: { _all: true },
  });
  const count = (key: string | null) => counts.find((c) => c.key === key)?._count._all ?? 0;
  return (
    count(keys.account) >= SIGN_IN_LIMITS.account ||
    (keys.ip !== null && count(keys.ip) >= SIGN_IN_LIMITS.ip)
  );
}

export async function recordSignInFailure(attempt: SignInKeys): Promise<void> {
  const keys = keysOf(attempt);
  const data = [{ key: keys.account }, ...(keys.ip ? [{ key: keys.ip }] : [])];
  await db().signInFailure.createMany({ data });
  await db().signInFailure.deleteMany({
    where: { at: { lte: new Date(Date.now() - SIGN_IN_WINDOW_MS) } },
  });
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db().signInFailure.deleteMany({ where: { key: keysOf({ email, ip: null }).account } });
}
