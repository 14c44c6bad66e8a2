import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { currentSession } from "./current-user";
import { hasRole, type Role } from "./roles";
import { NextPath } from "./schemas";
import type { Session } from "./session-store";

/** Request header in which proxy.ts passes the path asked for, so sign-in can return there. */
export const REQUESTED_PATH_HEADER = "x-tripline-path";

/**
 * The check every page and server action makes first, on the server: no session sends the
 * browser to sign in, a role below `role` renders the 403 page. Returns the session otherwise.
 */
export async function requireUser(role: Role): Promise<Session> {
  const session = await currentSession();
  if (!session) {
    const requested = (await headers()).get(REQUESTED_PATH_HEADER);
    const next = NextPath.parse(requested ?? undefined);
    redirect(`/login?${new URLSearchParams({ next })}`);
  }
  if (!hasRole(session.user.role, role)) forbidden();
  return session;
}
