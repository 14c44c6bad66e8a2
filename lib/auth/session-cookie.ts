import { cookies, headers } from "next/headers";
import { env } from "../env";

// Over https the cookie takes the __Host- prefix: the browser then insists on Secure, Path=/ and
// no Domain, so no other host (a sibling subdomain) can plant a session cookie for Tripline.
export const SESSION_COOKIE = "tripline_session";
export const SECURE_SESSION_COOKIE = "__Host-tripline_session";
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, SESSION_COOKIE] as const;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Secure when configured so, or (auto) when the request reached us over https. */
export function wantsSecureCookie(requestHeaders: Headers): boolean {
  const mode = env().TRIPLINE_SECURE_COOKIES;
  if (mode !== "auto") return mode === "always";
  return requestHeaders.get("x-forwarded-proto") === "https";
}

/** The one cookie name a request may carry its session in. */
export function sessionCookieName(requestHeaders: Headers): string {
  return wantsSecureCookie(requestHeaders) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/**
 * The session token from a cookie jar, if it has one of the right shape. Over https only the
 * __Host- cookie counts: the plain one could have been set over http or by a sibling host.
 */
export function pickSessionToken(
  requestHeaders: Headers,
  get: (name: string) => string | undefined,
): string | null {
  const value = get(sessionCookieName(requestHeaders));
  return value && TOKEN_SHAPE.test(value) ? value : null;
}

export async function readSessionToken(): Promise<string | null> {
  const jar = await cookies();
  return pickSessionToken(await headers(), (name) => jar.get(name)?.value);
}

/** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), expiring. */
export async function setSessionCookie(token: string, expiresAt: Date): Promise<void> {
  const requestHeaders = await headers();
  const secure = wantsSecureCookie(requestHeaders);
  const jar = await cookies();
  jar.set(sessionCookieName(requestHeaders), token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<void> {
  const secure = wantsSecureCookie(await headers());
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    if (!jar.has(name)) continue;
    jar.set(name, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
  }
}
