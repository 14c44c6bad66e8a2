import { z } from "zod";
import { logger } from "../log";
import { errorForStatus, PullError, refusedCredentials } from "./pull-error";
import { INTERRUPTED_MESSAGE, parseRetryAfter, type TryResult, withRetries } from "./retry";
import { certificateError, tlsTrustCode } from "./tls-trust";
import type { PullTuning } from "./tuning";

const log = logger("pull");

// The parts of an AWS SDK error the retry policy reads ($response is a hidden property).
const SdkError = z.object({
  name: z.string().catch("Error"),
  code: z.string().optional().catch(undefined),
  $metadata: z.object({ httpStatusCode: z.number().optional() }).optional().catch(undefined),
  $response: z
    .object({ headers: z.record(z.string(), z.string()).catch({}) })
    .optional()
    .catch(undefined),
});

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "SlowDown",
]);
const UNAUTHORISED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "InvalidAccessKeyId",
  "InvalidClientTokenId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "ExpiredTokenException",
  "UnrecognizedClientException",
]);
const NOT_FOUND = new Set(["NoSuchBucket", "NoSuchKey", "NotFound", "TrailNotFoundException"]);

/**
 * One AWS SDK call under the pull's retry policy. The clients make a single attempt each
 * (maxAttempts 1), so throttling, back-off and the bounded tries are the same as for Azure.
 */
export function awsCall<T>(
  what: string,
  tuning: PullTuning,
  signal: AbortSignal,
  call: () => Promise<T>,
): Promise<T> {
  return withRetries(what, tuning, signal, async () => {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      if (signal.aborted) throw new PullError("interrupted", INTERRUPTED_MESSAGE);
      if (error instanceof PullError) throw error;
      return classify(what, error);
    }
  });
}

function classify(what: string, error: unknown): TryResult<never> {
  const parsed = SdkError.safeParse(error);
  const name = parsed.success ? parsed.data.name : "Error";
  const status = parsed.success ? (parsed.data.$metadata?.httpStatusCode ?? null) : null;
  const code = parsed.success ? parsed.data.code : undefined;
  const headers = (parsed.success ? parsed.data.$response?.headers : undefined) ?? {};
  const retryAfter = headers["retry-after"];
  log.warn({ what, errorName: name, status, code }, "AWS request failed");

  if (THROTTLING.has(name) || status === 429) {
    return failure(errorForStatus(429, what), true, parseRetryAfter(retryAfter));
  }
  if (UNAUTHORISED.has(name) || status === 401 || status === 403) {
    return failure(refusedCredentials(what, status), false);
  }
  if (NOT_FOUND.has(name) || status === 404) return failure(errorForStatus(404, what), false);
  const bucketRegion = headers["x-amz-bucket-region"];
  if ((status === 301 || name === "PermanentRedirect") && bucketRegion) {
    return failure(wrongRegion(what, bucketRegion), false);
  }
  if (status !== null && status >= 500) {
    return failure(errorForStatus(status, what), true, parseRetryAfter(retryAfter));
  }
  if (status !== null && status >= 200 && status < 300) {
    const detail = "an answer that could not be read";
    return failure(new PullError("invalid_response", `${what} got ${detail}.`), false);
  }
  if (status !== null) return failure(errorForStatus(status, what), false);
  // No HTTP status at all: the connection failed or timed out.
  const trust = tlsTrustCode(error);
  if (trust) return failure(certificateError(what, trust), false);
  const reason = code ?? name;
  return failure(
    new PullError(
      "network",
      `${what} could not reach the service (${reason}): check the endpoint and the network.`,
    ),
    true,
  );
}

/** S3 answers a request sent to the wrong region with 301 and the bucket's own region. */
function wrongRegion(what: string, region: string): PullError {
  const named = /^[a-z]{2}(-[a-z]+)+-\d+$/.test(region) ? region : "another region";
  return new PullError(
    "configuration",
    `${what} was sent to the wrong region: the bucket is in ${named}. Set the source's region ` +
      "to it.",
  );
}

function failure(error: PullError, retryable: boolean, retryAfterMs: number | null = null) {
  return { ok: false as const, retryable, retryAfterMs, error };
}
