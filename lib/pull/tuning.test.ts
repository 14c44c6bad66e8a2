import { describe, expect, it } from "vitest";
import { PullError } from "./pull-error";
import { DEFAULT_TUNING, tuningFromEnv } from "./tuning";

describe("pull tuning from the environment", () => {
  it("defaults to a request timeout under a minute and a half", () => {
    expect(tuningFromEnv({}).requestTimeoutMs).toBe(DEFAULT_TUNING.requestTimeoutMs);
    expect(DEFAULT_TUNING.requestTimeoutMs).toBeLessThanOrEqual(60_000);
  });

  it("takes TRIPLINE_PULL_TIMEOUT_SECONDS as whole seconds", () => {
    expect(tuningFromEnv({ TRIPLINE_PULL_TIMEOUT_SECONDS: " 5 " }).requestTimeoutMs).toBe(5000);
  });

  it.each(["0", "1.5", "abc", "99999"])("refuses %s as a configuration error", (value) => {
    expect(() => tuningFromEnv({ TRIPLINE_PULL_TIMEOUT_SECONDS: value })).toThrow(PullError);
  });
});
