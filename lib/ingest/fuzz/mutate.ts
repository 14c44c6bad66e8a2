// Deterministic damage for the fuzz test: truncations, flipped, deleted, repeated and inserted
// bytes, applied to a file's plain text (and re-compressed when the file was gzip) or to its
// compressed bytes.
import { gunzipSync, gzipSync } from "node:zlib";

/** mulberry32: a small seeded generator, so every run tests the same variants. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Variant {
  label: string;
  bytes: Uint8Array;
}

// Bytes that matter to the readers: structure, quotes, line ends, NUL, a UTF-8 lead byte.
const NASTY = [0x22, 0x2c, 0x7b, 0x7d, 0x5b, 0x5d, 0x0a, 0x0d, 0x00, 0x5c, 0x3a, 0xc3, 0x20];

const MUTATIONS = ["truncate", "flip", "delete", "repeat", "insert", "crlf", "bom"] as const;
type Mutation = (typeof MUTATIONS)[number];

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** `count` damaged copies of `original`, each labelled with what was done to it. */
export function variantsOf(original: Uint8Array, count: number, random: () => number): Variant[] {
  const gzip = isGzip(original);
  const plain = gzip ? new Uint8Array(gunzipSync(original)) : original;
  const out: Variant[] = [];
  for (let i = 0; i < count; i++) {
    if (gzip && i % 4 === 3) {
      out.push(damageCompressed(original, random));
      continue;
    }
    const mutation = MUTATIONS[Math.floor(random() * MUTATIONS.length)] as Mutation;
    const damaged = mutate(plain, mutation, random);
    out.push({
      label: `${mutation}${damaged.where}`,
      bytes: gzip ? new Uint8Array(gzipSync(damaged.bytes)) : damaged.bytes,
    });
  }
  return out;
}

function mutate(
  bytes: Uint8Array,
  mutation: Mutation,
  random: () => number,
): { bytes: Uint8Array; where: string } {
  const at = Math.floor(random() * bytes.length);
  const span = 1 + Math.floor(random() * Math.min(64, bytes.length));
  switch (mutation) {
    case "truncate":
      return { bytes: bytes.subarray(0, at), where: ` at ${at}` };
    case "flip": {
      const copy = bytes.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let i = 0; i < flips; i++) {
        copy[Math.floor(random() * copy.length)] = pick(NASTY, random);
      }
      return { bytes: copy, where: ` ${flips} bytes` };
    }
    case "delete":
      return {
        bytes: join(bytes.subarray(0, at), bytes.subarray(at + span)),
        where: ` ${span}@${at}`,
      };
    case "repeat":
      return {
        bytes: join(bytes.subarray(0, at + span), bytes.subarray(at)),
        where: ` ${span}@${at}`,
      };
    case "insert": {
      const junk = Uint8Array.from({ length: span }, () => pick(NASTY, random));
      return {
        bytes: join(bytes.subarray(0, at), junk, bytes.subarray(at)),
        where: ` ${span}@${at}`,
      };
    }
    case "crlf": {
      const text = new TextDecoder().decode(bytes).replace(/\r?\n/g, "\r\n");
      return { bytes: new TextEncoder().encode(text), where: "" };
    }
    case "bom":
      return { bytes: join(Uint8Array.of(0xef, 0xbb, 0xbf), bytes), where: "" };
  }
}

function damageCompressed(original: Uint8Array, random: () => number): Variant {
  const at = 10 + Math.floor(random() * Math.max(1, original.length - 10));
  if (random() < 0.5) return { label: `gzip truncated at ${at}`, bytes: original.subarray(0, at) };
  const copy = original.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x5a;
  return { label: `gzip byte ${at} damaged`, bytes: copy };
}

function pick(values: readonly number[], random: () => number): number {
  return values[Math.floor(random() * values.length)] as number;
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
