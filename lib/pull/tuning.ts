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
  /** Whole-request limit, from sending to the last byte of a page. */
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
  requestTimeoutMs: 120_000,
  // Log Analytics answers up to 64 MB of JSON; a Graph or ARM page is a few MB.
  maxBodyBytes: 128 * 1024 * 1024,
};
