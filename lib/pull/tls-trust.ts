import { PullError } from "./pull-error";

// Node's codes for a certificate chain or name it would not accept (OpenSSL's verify results).
const TRUST_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_UNTRUSTED",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_SIGNATURE_FAILURE",
  "CERT_REVOKED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);
const CODE_IN_TEXT = new RegExp(`\\b(${[...TRUST_CODES].join("|")})\\b`);
const DEPTH = 6;

/** The certificate verification code in an error, its causes or their messages; else null. */
export function tlsTrustCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < DEPTH && typeof current === "object" && current !== null; depth++) {
    const code = "code" in current ? current.code : undefined;
    if (typeof code === "string" && TRUST_CODES.has(code)) return code;
    const message = "message" in current ? current.message : undefined;
    const named = typeof message === "string" ? CODE_IN_TEXT.exec(message)?.[1] : undefined;
    if (named) return named;
    current = "cause" in current ? current.cause : undefined;
  }
  return null;
}

/** A connection refused because the service's certificate is not trusted: no retry helps. */
export function certificateError(what: string, code: string): PullError {
  return new PullError(
    "certificate",
    `${what} stopped: the service's TLS certificate is not trusted (${code}). Check the ` +
      "endpoint; for a private endpoint or TLS inspection, add its CA under Extra trusted CA.",
  );
}
