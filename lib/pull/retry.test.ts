import { describe, expect, it } from "vitest";
import { PullError } from "./pull-error";
import { parseRetryAfter, type TryResult, withRetries } from "./retry";
import { DEFAULT_TUNING } from "./tuning";

const tuning = { ...DEFAULT_TUNING, baseDelayMs: 1, maxDelayMs: 5, maxTries: 3 };
const signal = new AbortController().signal;

function throttled(retryAfterMs: number | null): TryResult<never> {
  return {
    ok: false,
    retryable: true,
    retryAfterMs,
    error: new PullError("throttled", "still throttled"),
  };
}

describe("retry policy", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(
      parseRetryAfter("Wed, 06 Mar 2024 10:00:05 GMT", Date.parse("2024-03-06T10:00:00Z")),
    ).toBe(5000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  it("gives up after the bounded number of tries with the error's kind", async () => {
    let tries = 0;
    const attempt = async () => {
      tries += 1;
      return throttled(null);
    };
    await expect(withRetries("test", tuning, signal, attempt)).rejects.toMatchObject({
      kind: "throttled",
    });
    expect(tries).toBe(3);
  });

  it("does not retry what another try cannot cure", async () => {
    let tries = 0;
    const attempt = async (): Promise<TryResult<never>> => {
      tries += 1;
      return {
        ok: false,
        retryable: false,
        retryAfterMs: null,
        error: new PullError("unauthorised", "refused"),
      };
    };
    await expect(withRetries("test", tuning, signal, attempt)).rejects.toMatchObject({
      kind: "unauthorised",
    });
    expect(tries).toBe(1);
  });

  it("stops at once when the service asks for a wait longer than allowed", async () => {
    let tries = 0;
    const attempt = async () => {
      tries += 1;
      return throttled(10 * 60_000);
    };
    await expect(withRetries("test", tuning, signal, attempt)).rejects.toBeInstanceOf(PullError);
    expect(tries).toBe(1);
  });

  it("stops waiting when the run is interrupted", async () => {
    const controller = new AbortController();
    const attempt = async () => {
      controller.abort();
      return throttled(60_000);
    };
    await expect(withRetries("test", tuning, controller.signal, attempt)).rejects.toMatchObject({
      kind: "interrupted",
    });
  });
});
