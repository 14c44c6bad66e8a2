import { headers } from "next/headers";
import type { AuditActor } from "../audit/store";
import type { ApiPrincipal } from "./api-guard";
import { clientIp } from "./client-ip";
import type { Session } from "./session-store";

/** Who is acting, for the audit log, from a page's or server action's session. */
export async function sessionActor(session: Session): Promise<AuditActor> {
  const { id, email } = session.user;
  return { id, email, via: "session", ip: clientIp(await headers()) };
}

/** Who is acting, for the audit log, from a route handler's principal. */
export function apiActor(principal: ApiPrincipal, request: Request): AuditActor {
  const { id, email } = principal.user;
  return { id, email, via: principal.via, ip: clientIp(request.headers) };
}
