import { db } from "../db/client";
import { AppError } from "../errors";
import { hasRole, lesserRole, Role } from "./roles";
import type { NewTokenInput } from "./schemas";
import { TOKEN_LIFETIMES } from "./schemas";
import { hashSecret, newSecret } from "./secret-token";
import { toUser, type User } from "./user-store";

// A recognisable prefix lets secret scanners and people spot a leaked Tripline token.
export const API_TOKEN_PREFIX = "trpl_";
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
// Writing last_used_at on every request would turn each API read into a write.
const LAST_USED_PRECISION_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  owner: { id: string; email: string };
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Creates a token for `owner` with a role no higher than the owner's; returns it once. */
export async function createApiToken(
  owner: User,
  input: NewTokenInput,
): Promise<{ token: string; view: ApiTokenView }> {
  if (!hasRole(owner.role, input.role)) {
    throw new AppError("forbidden", "A token cannot have a higher role than its creator.");
  }
  const days = TOKEN_LIFETIMES[input.lifetime];
  const { token, hash } = newSecret(API_TOKEN_PREFIX);
  const row = await db().apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      tokenHash: hash,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      userId: owner.id,
      expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
    },
    include: { user: { select: { id: true, email: true } } },
  });
  return { token, view: toView(row) };
}

type TokenRow = Omit<ApiTokenView, "role" | "owner"> & {
  role: string;
  user: { id: string; email: string };
};

function toView(row: TokenRow): ApiTokenView {
  const { user, role, ...rest } = row;
  return {
    id: rest.id,
    name: rest.name,
    prefix: rest.prefix,
    role: Role.parse(role),
    owner: user,
    createdAt: rest.createdAt,
    expiresAt: rest.expiresAt,
    lastUsedAt: rest.lastUsedAt,
    revokedAt: rest.revokedAt,
  };
}

/** The tokens of one user, or of everyone (admins), newest first. */
export async function listApiTokens(ownerId?: string): Promise<ApiTokenView[]> {
  const rows = await db().apiToken.findMany({
    where: ownerId ? { userId: ownerId } : undefined,
    include: { user: { select: { id: true, email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(toView);
}

/**
 * Revokes a token. Only its owner may, or an admin; anyone else is told it does not exist, so
 * token ids of other users cannot be probed. `revoked` is false when it already was revoked (by
 * this request's twin, say), so that the caller records one revocation only.
 */
export async function revokeApiToken(
  tokenId: string,
  actor: User,
): Promise<{ view: ApiTokenView; revoked: boolean }> {
  const row = await db().apiToken.findUnique({
    where: { id: tokenId },
    include: { user: { select: { id: true, email: true } } },
  });
  if (!row || (row.userId !== actor.id && actor.role !== "admin")) {
    throw new AppError("not_found", "That token does not exist.");
  }
  // Conditional on revoked_at still being empty: two revocations at once change one row once.
  const { count } = await db().apiToken.updateMany({
    where: { id: tokenId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const current = await db().apiToken.findUniqueOrThrow({
    where: { id: tokenId },
    include: { user: { select: { id: true, email: true } } },
  });
  return { view: toView(current), revoked: count === 1 };
}

export interface TokenPrincipal {
  tokenId: string;
  user: User;
  /** The token's role capped by its owner's role today. */
  role: Role;
}

/** The owner and effective role of a live token; null when unknown, revoked or expired. */
export async function findApiToken(token: string): Promise<TokenPrincipal | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { user: true },
  });
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now - LAST_USED_PRECISION_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const user = toUser(row.user);
  return { tokenId: row.id, user, role: lesserRole(Role.parse(row.role), user.role) };
}
