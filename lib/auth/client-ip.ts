import { isIP } from "node:net";

/**
 * The client's address as the last hop saw it: the rightmost X-Forwarded-For entry. Next sets
 * that header from the socket when it is absent and keeps it when present, so behind a reverse
 * proxy that appends or overwrites it this is the proxy's peer; a client connecting directly can
 * put any value there, which is why sign-in is also throttled per account.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  if (!last) return null;
  const bare = last.replace(/^::ffff:(?=\d+\.)/, "");
  return isIP(bare) ? bare : null;
}
