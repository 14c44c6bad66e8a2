import { AppError } from "../errors";
import { isAllowedHost } from "../http/allowed-host";
import { findApiToken } from "./api-token-store";
import { isSafeMethod, isSameOrigin } from "./csrf";
import { hasRole, type Role } from "./roles";
import { pickSessionToken } from "./session-cookie";
import { findSession } from "./session-store";
import type { User } from "./user-store";

export interface ApiPrincipal {
  user: User;
  /** For a token: its role capped by its owner's. For a session: the user's role. */
  role: Role;
  via: "session" | "token";
  tokenId?: string;
}

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{1,200})$/i;

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

async function authenticate(request: Request): Promise<ApiPrincipal | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    // An explicit credential that fails never falls back to the cookie.
    const token = BEARER.exec(authorization.trim())?.[1];
    const found = token ? await findApiToken(token) : null;
    return found
      ? { user: found.user, role: found.role, via: "token", tokenId: found.tokenId }
      : null;
  }
  const cookies = request.headers.get("cookie");
  const token = pickSessionToken(request.headers, (name) => cookieValue(cookies, name));
  const session = token ? await findSession(token) : null;
  return session ? { user: session.user, role: session.user.role, via: "session" } : null;
}

/**
 * The check every route handler makes first. Accepts an API token (Authorization: Bearer) or
 * the session cookie; with the cookie, a state-changing request must come from our own origin
 * (a Bearer token is never sent by a browser on its own, so it cannot be forged cross-site).
 */
export async function requireApiUser(request: Request, role: Role): Promise<ApiPrincipal> {
  // proxy.ts checks the Host of most requests; the upload route bypasses it to stream.
  if (!isAllowedHost(request.headers.get("host"))) {
    throw new AppError(
      "bad_request",
      "Unknown host. Set TRIPLINE_ALLOWED_HOSTS to serve this name.",
    );
  }
  const principal = await authenticate(request);
  if (!principal) {
    throw new AppError(
      "unauthorized",
      "Sign in, or send an API token as Authorization: Bearer <token>.",
    );
  }
  if (
    principal.via === "session" &&
    !isSafeMethod(request.method) &&
    !isSameOrigin(request.headers)
  ) {
    throw new AppError(
      "forbidden",
      "Cross-site request refused: send it from Tripline's own pages.",
    );
  }
  if (!hasRole(principal.role, role)) {
    throw new AppError("forbidden", `This needs the ${role} role or higher.`);
  }
  return principal;
}
