/** Why a pull stopped, as a closed set: the sources page and the run history show these. */
export const PULL_ERROR_KINDS = [
  "throttled",
  "unauthorised",
  "not_found",
  "network",
  "certificate",
  "server",
  "rejected",
  "invalid_response",
  "configuration",
  "interrupted",
  "internal",
] as const;

export type PullErrorKind = (typeof PULL_ERROR_KINDS)[number];

export const PULL_ERROR_LABELS: Record<PullErrorKind, string> = {
  throttled: "throttled",
  unauthorised: "unauthorised",
  not_found: "not found",
  network: "network",
  certificate: "TLS certificate not trusted",
  server: "server error",
  rejected: "request refused",
  invalid_response: "unexpected answer",
  configuration: "configuration",
  interrupted: "interrupted",
  internal: "internal error",
};

/**
 * A pull that could not go on. The message is one plain sentence for the sources page: it names
 * what was asked and what to do, never a secret or a response body.
 */
export class PullError extends Error {
  readonly kind: PullErrorKind;

  constructor(kind: PullErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PullError";
    this.kind = kind;
  }
}

/** The sentence for an HTTP status that ends a request for good (after any retries). */
export function errorForStatus(status: number, what: string): PullError {
  if (status === 401 || status === 403) return refusedCredentials(what, status);
  if (status === 404) {
    return new PullError(
      "not_found",
      `${what} does not exist (HTTP 404): check the bucket, tenant, subscription or workspace id.`,
    );
  }
  if (status === 429) {
    return new PullError(
      "throttled",
      `${what} stayed throttled (HTTP 429) after every retry; the next run resumes where this one stopped.`,
    );
  }
  if (status >= 500) {
    return new PullError(
      "server",
      `${what} kept failing on the service's side (HTTP ${status}); the next run tries again.`,
    );
  }
  return new PullError("rejected", `${what} was refused (HTTP ${status}): check the settings.`);
}

/** Credentials refused, naming the HTTP status received (an SDK may report the code alone). */
export function refusedCredentials(what: string, status: number | null): PullError {
  const received = status === null ? "" : ` (HTTP ${status})`;
  return new PullError(
    "unauthorised",
    `${what} was refused${received}: check the credentials and that they hold the permission the README lists for this source.`,
  );
}
