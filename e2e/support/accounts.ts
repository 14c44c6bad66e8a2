import type { Role } from "../../lib/auth/roles";

/** The accounts globalSetup creates for the browser tests, one per role. */
export const E2E_ACCOUNTS: Record<Role, string> = {
  viewer: "viewer@e2e.test",
  analyst: "analyst@e2e.test",
  admin: "admin@e2e.test",
};

/** Set by globalSetup; the workers inherit it. Random per run, never a default password. */
export function e2ePassword(): string {
  const password = process.env.TRIPLINE_E2E_PASSWORD;
  if (!password) throw new Error("TRIPLINE_E2E_PASSWORD is unset: did globalSetup run?");
  return password;
}
