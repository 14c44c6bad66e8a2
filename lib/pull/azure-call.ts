import { type HttpClient, isRestError, type RestError } from "@azure/core-rest-pipeline";
import { logger } from "../log";
import {
  invalidAnswer,
  isNetworkError,
  networkFailure,
  RETRYABLE_STATUSES,
  retryNetwork,
} from "./api-request";
import { TransportFailure } from "./http-transport";
import { errorForStatus, PullError } from "./pull-error";
import { INTERRUPTED_MESSAGE, parseRetryAfter, type TryResult, withRetries } from "./retry";
import type { PullTuning } from "./tuning";

const log = logger("pull");

/**
 * The options every Azure SDK client of a pull is built with. The SDK's own retries and redirects
 * are off (maxRetries 0): each call is one try, and `azureCall` applies the pull's policy, so
 * Retry-After, back-off, the bounded tries and the ceiling on waits are the same as for AWS.
 */
export function azureClientOptions(endpoint: string, scope: string, httpClient: HttpClient) {
  return {
    endpoint,
    httpClient,
    credentials: { scopes: [scope] },
    retryOptions: { maxRetries: 0 },
    redirectOptions: { maxRetries: 0 },
  };
}

/** One Azure SDK call under the pull's retry policy; its errors become the pull's error kinds. */
export function azureCall<T>(
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
      if (isNetworkError(error)) return retryNetwork(error);
      if (error instanceof PullError) throw error;
      if (error instanceof TransportFailure) return networkFailure(what, error);
      if (isRestError(error)) return classify(what, error);
      // The SDK's models failed on the answer (a 200 of another shape): not worth a retry.
      const errorName = error instanceof Error ? error.name : "unknown";
      log.warn({ what, errorName }, "pull request answer could not be read");
      return failure(invalidAnswer(what, "the Azure SDK could not read it"), false);
    }
  });
}

function classify(what: string, error: RestError): TryResult<never> {
  const status = error.statusCode ?? null;
  const serviceCode = error.code ?? null;
  const headers = error.response?.headers;
  const requestId = headers?.get("x-ms-request-id") ?? headers?.get("request-id");
  log.warn({ what, status, serviceCode, requestId }, "pull request answered an error");

  if (status === null) {
    // No answer at all (the SDK's own transport), else an answer it could not page through.
    if (serviceCode === "REQUEST_SEND_ERROR") return networkFailure(what, error);
    return failure(invalidAnswer(what, "it could not be read as a page"), false);
  }
  if (status >= 200 && status < 300) {
    return failure(invalidAnswer(what, "its body is not JSON"), false);
  }
  const base = errorForStatus(status, what);
  const withCode = serviceCode
    ? new PullError(base.kind, `${base.message} (${serviceCode})`)
    : base;
  return failure(
    withCode,
    RETRYABLE_STATUSES.has(status),
    parseRetryAfter(headers?.get("retry-after")),
  );
}

function failure(error: PullError, retryable: boolean, retryAfterMs: number | null = null) {
  return { ok: false as const, retryable, retryAfterMs, error };
}
