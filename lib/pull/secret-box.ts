import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";
import { PullError } from "./pull-error";

// AES-256-GCM with a fresh 96-bit nonce per seal (the size GCM is specified for). The row's id is
// the associated data, so a sealed value copied onto another source does not open there.
const ALGORITHM = "aes-256-gcm";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = "v1";

export const MISSING_KEY_MESSAGE =
  "Secrets cannot be stored or used: the server has no TRIPLINE_SECRET_KEY. Set it to 32 random " +
  "bytes (for example `openssl rand -hex 32`) in the server's environment and restart.";

/** The sealing key from TRIPLINE_SECRET_KEY (validated by env.ts), or null when unset. */
export function secretKey(): Buffer | null {
  const text = env().TRIPLINE_SECRET_KEY;
  if (!text) return null;
  return Buffer.from(text, /^[0-9a-fA-F]{64}$/.test(text) ? "hex" : "base64");
}

export function canSealSecrets(): boolean {
  return secretKey() !== null;
}

function requireKey(): Buffer {
  const key = secretKey();
  if (!key) throw new PullError("configuration", MISSING_KEY_MESSAGE);
  return key;
}

/** Seals a text for the row `boundTo`: "v1.<nonce>.<tag>.<ciphertext>", each part base64. */
export function seal(plaintext: string, boundTo: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, requireKey(), nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [nonce, cipher.getAuthTag(), body].map((part) => part.toString("base64"));
  return [VERSION, ...parts].join(".");
}

/** Opens what `seal` made for the same row; a wrong key or a tampered value is refused. */
export function open(sealed: string, boundTo: string): string {
  const [version, nonce, tag, body] = sealed.split(".");
  if (version !== VERSION || nonce === undefined || tag === undefined || body === undefined) {
    throw new PullError("configuration", "The stored secrets are unreadable: enter them again.");
  }
  const decipher = createDecipheriv(ALGORITHM, requireKey(), Buffer.from(nonce, "base64"), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
      "utf8",
    );
  } catch (error) {
    throw new PullError(
      "configuration",
      "The stored secrets do not open with this server's TRIPLINE_SECRET_KEY (was the key " +
        "changed?): enter the secrets again.",
      { cause: error },
    );
  }
}
