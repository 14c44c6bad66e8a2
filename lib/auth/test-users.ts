import { randomUUID } from "node:crypto";
import { hashPassword } from "./password";
import type { Role } from "./roles";
import { createUser, type User } from "./user-store";

/** A user with a unique email; with a real password hash only when a test signs in. */
export async function makeUser(role: Role, password?: string): Promise<User> {
  const passwordHash = password ? await hashPassword(password) : "scrypt$unusable";
  return createUser({ email: `${role}-${randomUUID()}@example.test`, role, passwordHash });
}
