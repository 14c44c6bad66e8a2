import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { Role } from "./roles";

export interface User {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  passwordChangedAt: Date;
}

interface UserRow {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
  passwordChangedAt: Date;
}

const USER_FIELDS = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  passwordChangedAt: true,
} as const;

/** A stored role outside the closed set is an error, never a silent grant. */
export function toUser(row: UserRow): User {
  const { id, email, role, createdAt, passwordChangedAt } = row;
  return { id, email, role: Role.parse(role), createdAt, passwordChangedAt };
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

export async function listUsers(): Promise<User[]> {
  const rows = await db().user.findMany({ select: USER_FIELDS, orderBy: { email: "asc" } });
  return rows.map(toUser);
}

export async function findUserById(id: string): Promise<User | null> {
  const row = await db().user.findUnique({ where: { id }, select: USER_FIELDS });
  return row ? toUser(row) : null;
}

/** The user and their password hash, for sign-in only. */
export async function findCredentials(email: string) {
  const row = await db().user.findUnique({
    where: { email },
    select: { ...USER_FIELDS, passwordHash: true },
  });
  return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
}

export async function createUser(
  input: { email: string; role: Role; passwordHash: string },
  tx: Prisma.TransactionClient = db(),
): Promise<User> {
  try {
    return toUser(await tx.user.create({ data: input, select: USER_FIELDS }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with that email address already exists.");
    }
    throw error;
  }
}

/** Stores a new hash; `rehash` marks the same password re-hashed with today's parameters. */
export async function setPasswordHash(
  userId: string,
  passwordHash: string,
  options: { rehash?: boolean } = {},
): Promise<void> {
  await db().user.update({
    where: { id: userId },
    data: { passwordHash, ...(options.rehash ? {} : { passwordChangedAt: new Date() }) },
  });
}

// Serialises changes to admins: two admins demoting each other at once must not leave none.
async function lockAdmins(tx: Prisma.TransactionClient): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM app_user WHERE role = 'admin' FOR UPDATE`;
  return rows.length;
}

const LAST_ADMIN = "Tripline needs at least one admin: make another user admin first.";

/** Changes a user's role; refuses to remove the last admin. Returns the user as before. */
export async function changeRole(userId: string, role: Role): Promise<User> {
  return db().$transaction(async (tx) => {
    const admins = await lockAdmins(tx);
    const before = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!before) throw new AppError("not_found", "That user no longer exists.");
    const previous = toUser(before);
    if (previous.role === "admin" && role !== "admin" && admins <= 1) {
      throw new AppError("conflict", LAST_ADMIN);
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    return previous;
  });
}

/** Deletes a user with their sessions and tokens; refuses to delete the last admin. */
export async function deleteUser(userId: string): Promise<User> {
  return db().$transaction(async (tx) => {
    const admins = await lockAdmins(tx);
    const row = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
    if (!row) throw new AppError("not_found", "That user no longer exists.");
    const user = toUser(row);
    if (user.role === "admin" && admins <= 1) throw new AppError("conflict", LAST_ADMIN);
    await tx.user.delete({ where: { id: userId } });
    return user;
  });
}
