import { z } from "zod";
import { PullError } from "./pull-error";

/** The limits every request of a pull obeys. Tests shorten the back-off; nothing else differs. */
export interface PullTuning {
  /** Tries per request (the first and the retries) before the run stops with an error kind. */
  maxTries: number;
  /** First back-off after a 5xx or a network failure; doubles per try, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this ends the run at once as throttled; the next run resumes. */
  maxRetryAfterMs: number;
  connectTimeoutMs: number;
  /** Whole-request limit, from sending to the last byte of a page or a token. */
  requestTimeoutMs: number;
  /** The largest page or query answer read into memory. */
  maxBodyBytes: number;
}

export const DEFAULT_TUNING: PullTuning = {
  maxTries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000,
  connectTimeoutMs: 10_000,
  // A hung endpoint must not hold a scheduler slot for long: a request that takes longer is a
  // network failure, retried with back-off like a dropped connection.
  requestTimeoutMs: 60_000,
  // Log Analytics answers up to 64 MB of JSON; a Graph or ARM page is a few MB.
  maxBodyBytes: 128 * 1024 * 1024,
};

const TimeoutSeconds = z.coerce.number().int().min(1).max(3600);

/** The defaults, with the request timeout from TRIPLINE_PULL_TIMEOUT_SECONDS when it is valid. */
export function tuningFromEnv(env: Record<string, string | undefined> = process.env): PullTuning {
  const raw = env.TRIPLINE_PULL_TIMEOUT_SECONDS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_TUNING;
  const seconds = TimeoutSeconds.safeParse(raw.trim());
  if (!seconds.success) {
    throw new PullError(
      "configuration",
      "TRIPLINE_PULL_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 3600.",
    );
  }
  return { ...DEFAULT_TUNING, requestTimeoutMs: seconds.data * 1000 };
}
