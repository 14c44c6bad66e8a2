import { recordAudit } from "../audit/store";
import { db } from "../db/client";
import { AppError } from "../errors";
import { hashPassword } from "./password";
import { hashSecret, newSecret } from "./secret-token";
import { countUsers, createUser, type User } from "./user-store";

export const SETUP_LINK_MINUTES = 60;

/**
 * While no user exists, replaces any earlier setup token with a fresh one and returns it (to be
 * shown once, in the server's output). Returns null once anyone has an account.
 */
export async function issueSetupToken(): Promise<string | null> {
  if ((await countUsers()) > 0) return null;
  const { token, hash } = newSecret();
  const expiresAt = new Date(Date.now() + SETUP_LINK_MINUTES * 60_000);
  await db().$transaction([
    db().setupToken.deleteMany({}),
    db().setupToken.create({ data: { tokenHash: hash, expiresAt } }),
  ]);
  return token;
}

/** True while the token may still create the first admin. */
export async function setupTokenUsable(token: string): Promise<boolean> {
  if ((await countUsers()) > 0) return false;
  const row = await db().setupToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  return row !== null && row.expiresAt.getTime() > Date.now();
}

const INVALID = "This setup link is invalid or has expired. Restart Tripline for a new one.";

/**
 * Creates the first admin. The token is spent in the same transaction that checks no user
 * exists yet, so two submissions of one link cannot create two admins.
 */
export async function completeSetup(
  token: string,
  input: { email: string; password: string },
  ip: string | null,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  const user = await db().$transaction(async (tx) => {
    const spent = await tx.setupToken.deleteMany({
      where: { tokenHash: hashSecret(token), expiresAt: { gt: new Date() } },
    });
    if (spent.count !== 1) throw new AppError("forbidden", INVALID);
    if ((await tx.user.count()) > 0) {
      throw new AppError("conflict", "An account already exists: sign in instead.");
    }
    return createUser({ email: input.email, role: "admin", passwordHash }, tx);
  });
  await recordAudit({
    action: "setup.completed",
    actor: { id: user.id, email: user.email, via: "setup", ip },
    target: user.email,
  });
  return user;
}
