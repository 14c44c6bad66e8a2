import { type NextRequest, NextResponse } from "next/server";
import { isAllowedHost } from "./lib/http/allowed-host";

// Runs before every request except static assets. It refuses Host names that are not ours
// (DNS rebinding), then has two jobs, neither of them the real access
// check (every page, action and route checks the session itself, on the server):
// 1. A Content-Security-Policy with a fresh nonce per page: Next puts the nonce on its own
//    inline scripts, so no 'unsafe-inline' is needed for scripts.
// 2. Sending a browser without any session cookie to /login before rendering anything.

const PUBLIC_PAGES = ["/login", "/setup"];
// proxy.ts cannot share modules with the app; these mirror lib/auth/session-cookie.ts and
// lib/auth/guard.ts.
const SESSION_COOKIES = ["__Host-tripline_session", "tripline_session"];
const REQUESTED_PATH_HEADER = "x-tripline-path";

function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonce-bearing scripts load are trusted in turn.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // Style attributes (chart sizes from recharts, React `style` props) cannot carry a nonce.
    // CSS in an attribute cannot run script; text from logs is never put there.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const API_CSP = "default-src 'none'; frame-ancestors 'none'";
// Forms post to pages as server actions, whose body Next reads up to
// serverActions.bodySizeLimit (1 MB by default) and then fails with a 500. A declared length
// above it is answered here. A chunked body has no declared length and still meets Next's 500.
const MAX_PAGE_POST_BYTES = 1024 * 1024;

/**
 * same-origin: no Referer ever leaves for another site, and a browser posting a form without
 * JavaScript still sends our Origin (under no-referrer it sends "null", and Next refuses the
 * action). /setup sends none at all: its URL holds the one-time setup token.
 */
function referrerPolicy(pathname: string): string {
  return pathname === "/setup" ? "no-referrer" : "same-origin";
}

function plainText(status: number, text: string): NextResponse {
  return new NextResponse(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function proxy(request: NextRequest): NextResponse {
  if (!isAllowedHost(request.headers.get("host"))) {
    return plainText(421, "Unknown host. Set TRIPLINE_ALLOWED_HOSTS to serve this name.\n");
  }
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!api && request.method === "POST" && declared > MAX_PAGE_POST_BYTES) {
    return plainText(413, "That form is too large to be sent: at most 1 MB.\n");
  }
  const signedOut = !SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!api && signedOut && !PUBLIC_PAGES.includes(pathname)) {
    const login = new URL("/login", request.url);
    login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = api ? API_CSP : pageCsp(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  if (!api) requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Referrer-Policy", referrerPolicy(pathname));
  if (request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", "max-age=31536000");
  }
  return response;
}

export const config = {
  // Not the upload route: Next buffers a request body in memory for a proxy and cuts it off at
  // proxyClientMaxBodySize (10 MB), so uploads would be truncated. The route checks the session
  // itself and streams the body.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/ingest$).*)"],
};
