import { isIP } from "node:net";

// No imports from the rest of lib/: proxy.ts uses this too, and reads only the environment.

/**
 * Whether a request's Host header names this server. A page on an attacker's domain that
 * re-points its DNS name at 127.0.0.1 (DNS rebinding) sends its own name as Host, so only
 * names we know are served: IP literals (no DNS involved), localhost, the host of
 * TRIPLINE_PUBLIC_URL and those listed in TRIPLINE_ALLOWED_HOSTS (comma-separated).
 */
export function isAllowedHost(hostHeader: string | null): boolean {
  if (!hostHeader) return false;
  const host = hostName(hostHeader.trim().toLowerCase());
  if (host === "localhost" || isIP(host) !== 0) return true;
  return configuredHosts().includes(host);
}

function hostName(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}

function configuredHosts(): string[] {
  const hosts = (process.env.TRIPLINE_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
  const publicUrl = process.env.TRIPLINE_PUBLIC_URL;
  if (publicUrl) {
    try {
      hosts.push(new URL(publicUrl).hostname.toLowerCase());
    } catch {
      // an invalid URL is reported by the environment check at start
    }
  }
  return hosts;
}
