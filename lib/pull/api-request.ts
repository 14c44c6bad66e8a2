import { z } from "zod";
import { logger } from "../log";
import { type HttpRequest, type HttpResponse, send, TransportFailure } from "./http-transport";
import { errorForStatus, PullError } from "./pull-error";
import { INTERRUPTED_MESSAGE, parseRetryAfter, type TryResult, withRetries } from "./retry";
import { certificateError, tlsTrustCode } from "./tls-trust";
import type { PullTuning } from "./tuning";

const log = logger("pull");

export interface CallContext {
  tuning: PullTuning;
  signal: AbortSignal;
  /** The source's own CA certificates, if any. */
  ca?: string;
}

// Statuses a later try can cure: throttling, a request timeout and transient server faults.
export const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

// Azure services answer errors as { error: { code, message } }; the code helps the admin.
const ServiceError = z.object({ error: z.object({ code: z.string().max(200) }) });

/**
 * A JSON API call with the retry policy: `build` makes the request per try (so a refreshed token
 * is used), the answer must be a 2xx whose body passes `schema`. Returns the parsed value and the
 * body's exact bytes, which the ingest pipeline reads so raw records are kept as received.
 */
export async function fetchJson<T>(
  what: string,
  build: () => Promise<HttpRequest>,
  schema: z.ZodType<T>,
  context: CallContext,
): Promise<{ data: T; body: Buffer }> {
  return withRetries(what, context.tuning, context.signal, async () => {
    let response: HttpResponse;
    try {
      response = await send(await build(), context.tuning, context.signal, context.ca);
    } catch (error) {
      if (context.signal.aborted) throw new PullError("interrupted", INTERRUPTED_MESSAGE);
      if (isNetworkError(error)) return retryNetwork(error);
      if (!(error instanceof TransportFailure)) throw error;
      return networkFailure(what, error);
    }
    return judge(what, response, schema);
  });
}

/** A connection that failed or broke: retried, then the run stops as a network error. */
export function networkFailure(what: string, error: Error): TryResult<never> {
  log.warn({ what, reason: error.message }, "pull request failed to connect");
  const trust = tlsTrustCode(error);
  if (trust) {
    return {
      ok: false,
      retryable: false,
      retryAfterMs: null,
      error: certificateError(what, trust),
    };
  }
  return {
    ok: false,
    retryable: true,
    retryAfterMs: null,
    error: new PullError(
      "network",
      `${what} could not reach the service (${error.message}): check the endpoint and the network.`,
      { cause: error },
    ),
  };
}

/** A token request that timed out or could not connect: retried like any other request. */
export function isNetworkError(error: unknown): error is PullError {
  return error instanceof PullError && error.kind === "network";
}

export function retryNetwork(error: PullError): TryResult<never> {
  return { ok: false, retryable: true, retryAfterMs: null, error };
}

function judge<T>(
  what: string,
  response: HttpResponse,
  schema: z.ZodType<T>,
): TryResult<{ data: T; body: Buffer }> {
  const { status } = response;
  if (status < 200 || status >= 300) {
    const code = serviceCode(response.body);
    const requestId = response.headers["request-id"] ?? response.headers["x-ms-request-id"];
    log.warn({ what, status, serviceCode: code, requestId }, "pull request answered an error");
    const error = errorForStatus(status, what);
    const withCode = code ? new PullError(error.kind, `${error.message} (${code})`) : error;
    const retryAfter = response.headers["retry-after"];
    return {
      ok: false,
      retryable: RETRYABLE_STATUSES.has(status),
      retryAfterMs: parseRetryAfter(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter),
      error: withCode,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString("utf8"));
  } catch {
    throw invalidAnswer(what, "its body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "unknown";
    throw invalidAnswer(what, `unexpected content at ${where}`);
  }
  return { ok: true, value: { data: parsed.data, body: response.body } };
}

/** An answer that is not what was asked for is never retried and never read as an empty page. */
export function invalidAnswer(what: string, detail: string): PullError {
  return new PullError(
    "invalid_response",
    `${what} got an answer Tripline does not understand (${detail}); nothing from it was stored.`,
  );
}

function serviceCode(body: Buffer): string | null {
  try {
    const parsed = ServiceError.safeParse(JSON.parse(body.toString("utf8")));
    return parsed.success ? parsed.data.error.code : null;
  } catch {
    return null;
  }
}
