const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether a cookie-authenticated request that changes state comes from our own pages. Browsers
 * send Sec-Fetch-Site on every request (and it cannot be forged by a page); older ones send
 * Origin on every POST, which must name the Host or the configured TRIPLINE_PUBLIC_URL. A
 * request with neither is refused: it is no browser of ours. X-Forwarded-Host is not read: any
 * client connecting directly can send it.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  try {
    const from = new URL(origin);
    return from.host === headers.get("host") || from.origin === publicOrigin();
  } catch {
    return false;
  }
}

function publicOrigin(): string | null {
  try {
    return new URL(process.env.TRIPLINE_PUBLIC_URL ?? "").origin;
  } catch {
    return null;
  }
}
