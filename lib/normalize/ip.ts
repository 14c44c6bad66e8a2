const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Where a call came from: an address when the value is one, otherwise its text. */
export interface CallerSource {
  /** Canonical address text, or null. */
  ip: string | null;
  /** A service name or other text (`ec2.amazonaws.com`, `AWS Internal`); "" when an address. */
  host: string;
}

/**
 * Splits a caller location into an address or a host text. Service names and anything else
 * that is not an address is kept as text, never rejected.
 */
export function classifySource(value: unknown): CallerSource {
  if (typeof value !== "string") return { ip: null, host: "" };
  const ip = canonicalIp(value.trim());
  return ip === null ? { ip: null, host: value } : { ip, host: "" };
}

/**
 * The canonical text of an IPv4 or IPv6 address, or null. IPv4 keeps dotted decimal and refuses
 * leading zeros (some parsers read them as octal). IPv6 follows RFC 5952: lower case, no
 * leading zeros, the longest run of two or more zero groups shortened to "::". An IPv4-mapped
 * address stays IPv6 and is written `::ffff:a.b.c.d`; it is not unwrapped to IPv4, so the
 * stored value says what the log said. Zone ids (`%eth0`) are not addresses a database holds.
 */
export function canonicalIp(text: string): string | null {
  return canonicalIpv4(text) ?? canonicalIpv6(text);
}

// Accepted IPv4 text is already canonical: four groups of digits without leading zeros.
function canonicalIpv4(text: string): string | null {
  return ipv4Bytes(text) === null ? null : text;
}

/**
 * The four bytes of dotted decimal text, or null: each 1 to 3 ASCII digits, no leading zero, at
 * most 255. Read by hand, not by a regular expression: every event's caller address comes here.
 */
function ipv4Bytes(text: string): number[] | null {
  const bytes: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? DOT : text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      if (digits === 3 || (digits === 1 && value === 0)) return null;
      value = value * 10 + (code - ZERO);
      digits += 1;
    } else if (code === DOT && digits > 0 && value <= 255 && bytes.length < 4) {
      bytes.push(value);
      value = 0;
      digits = 0;
    } else {
      return null;
    }
  }
  return bytes.length === 4 ? bytes : null;
}

function canonicalIpv6(text: string): string | null {
  const groups = ipv6Groups(text);
  if (groups === null) return null;
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return compress(groups.map((g) => g.toString(16)));
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function ipv6Groups(text: string): number[] | null {
  if (!text.includes(":")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] ?? "", halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "", true) : [];
  if (head === null || tail === null) return null;
  const count = head.length + tail.length;
  if (halves.length === 1) return count === 8 ? head : null;
  if (count > 7) return null;
  return [...head, ...new Array<number>(8 - count).fill(0), ...tail];
}

/** Groups of one side of "::"; a dotted IPv4 tail is allowed only at the address's end. */
function parseGroups(text: string, endsAddress: boolean): number[] | null {
  if (text === "") return [];
  const pieces = text.split(":");
  const groups: number[] = [];
  for (const [i, piece] of pieces.entries()) {
    const last = endsAddress && i === pieces.length - 1;
    const v4 = last && piece.includes(".") ? ipv4Bytes(piece) : null;
    if (v4 !== null) {
      const [a = 0, b = 0, c = 0, d = 0] = v4;
      groups.push((a << 8) | b, (c << 8) | d);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(Number.parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function compress(hex: string[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < hex.length; ) {
    if (hex[i] !== "0") {
      i += 1;
      continue;
    }
    let j = i;
    while (j < hex.length && hex[j] === "0") j += 1;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return hex.join(":");
  const head = hex.slice(0, bestStart).join(":");
  const tail = hex.slice(bestStart + bestLength).join(":");
  return `${head}::${tail}`;
}
