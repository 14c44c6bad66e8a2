import { createHash, randomBytes } from "node:crypto";

// 32 random bytes: guessing is hopeless, so a fast hash is enough to store them (a slow one
// only protects low-entropy secrets such as passwords) and lookups stay one index probe.
const TOKEN_BYTES = 32;

export interface NewSecret {
  /** Given to the holder once, never stored. */
  token: string;
  /** What the database keeps. */
  hash: string;
}

/** A fresh random token, optionally with a recognisable prefix (`trpl_…` for API tokens). */
export function newSecret(prefix = ""): NewSecret {
  const token = prefix + randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
