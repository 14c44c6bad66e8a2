import { z } from "zod";

/** Roles from least to most trusted; each role may do everything the ones before it may. */
export const ROLES = ["viewer", "analyst", "admin"] as const;
export const Role = z.enum(ROLES, { message: "Choose a role: viewer, analyst or admin." });
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer (read)",
  analyst: "Analyst (triage, upload)",
  admin: "Admin (allowlists, users, everyone's tokens)",
};

/** True when `role` carries at least the rights of `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** The weaker of two roles: a token never does more than its owner may do now. */
export function lesserRole(a: Role, b: Role): Role {
  return hasRole(a, b) ? b : a;
}

/** The roles a holder of `role` may hand out (to a token or, for admins, to a user). */
export function rolesUpTo(role: Role): Role[] {
  return ROLES.filter((candidate) => hasRole(role, candidate));
}
