const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Whether a cookie-authenticated request that changes state comes from our own pages. Browsers
 * send Sec-Fetch-Site on every request (and it cannot be forged by a page); older ones send
 * Origin on every POST. A request with neither is refused: it is no browser of ours.
 */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
