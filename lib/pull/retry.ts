import { logger } from "../log";
import { PullError } from "./pull-error";
import type { PullTuning } from "./tuning";

const log = logger("pull");

/** What one try of a request came to, as the retry policy needs to know it. */
export type TryResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** Worth another try: throttling, a server fault, a lost connection. */
      retryable: boolean;
      /** The service's own Retry-After, when it sent one. */
      retryAfterMs: number | null;
      /** The error the run stops with when no try is left. */
      error: PullError;
    };

/**
 * Runs `attempt` until it succeeds, a failure is not worth retrying, or `maxTries` tries are
 * spent. Waits the service's Retry-After when given (a throttled page is asked for again, never
 * read as empty), else an exponential back-off with jitter.
 */
export async function withRetries<T>(
  what: string,
  tuning: PullTuning,
  signal: AbortSignal,
  attempt: () => Promise<TryResult<T>>,
): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    const result = await attempt();
    if (result.ok) return result.value;
    if (!result.retryable || tries >= tuning.maxTries) throw result.error;
    const delay = result.retryAfterMs ?? backoff(tuning, tries);
    if (delay > tuning.maxRetryAfterMs) throw result.error;
    log.warn({ what, kind: result.error.kind, tries, delayMs: delay }, "pull request retried");
    await sleep(delay, signal);
  }
}

function backoff(tuning: PullTuning, tries: number): number {
  const ceiling = Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** (tries - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export const INTERRUPTED_MESSAGE =
  "The run was stopped before it finished (the server shut down); the next run resumes from the last checkpoint.";

/** Waits `ms`, or rejects as interrupted when the run is stopped. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new PullError("interrupted", INTERRUPTED_MESSAGE));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new PullError("interrupted", INTERRUPTED_MESSAGE));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
