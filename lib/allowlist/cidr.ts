import { isIPv4, isIPv6 } from "node:net";

/**
 * Reads a CIDR range (or a bare address, taken as a single host) into PostgreSQL's canonical
 * text form; null when it is not one. Host bits set beyond the prefix are refused, as PostgreSQL's
 * cidr type refuses them, so the user sees the mistake instead of a silent widening.
 */
export function parseCidr(text: string): string | null {
  const [address = "", prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return null;
  const v4 = isIPv4(address);
  if (!v4 && !isIPv6(address)) return null;
  const width = v4 ? 32 : 128;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(width)) || prefix > width) return null;
  if (hasHostBits(address, v4, prefix)) return null;
  return `${address.toLowerCase()}/${prefix}`;
}

function hasHostBits(address: string, v4: boolean, prefix: number): boolean {
  const bits = v4 ? v4Bits(address) : v6Bits(address);
  return bits.slice(prefix).includes("1");
}

function v4Bits(address: string): string {
  return address
    .split(".")
    .map((part) => Number(part).toString(2).padStart(8, "0"))
    .join("");
}

function v6Bits(address: string): string {
  const [head = "", tail = ""] = address.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  let left = groups(head);
  let right = groups(tail);
  // An embedded IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const expand = (list: string[]) =>
    list.flatMap((g) =>
      g.includes(".")
        ? (v4Bits(g).match(/.{16}/g) ?? []).map((b) => Number.parseInt(b, 2).toString(16))
        : [g],
    );
  left = expand(left);
  right = expand(right);
  const missing = address.includes("::") ? 8 - left.length - right.length : 0;
  const all = [...left, ...Array<string>(missing).fill("0"), ...right];
  return all.map((g) => Number.parseInt(g, 16).toString(2).padStart(16, "0")).join("");
}
