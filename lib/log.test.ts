import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { REDACT_PATHS } from "./log";

function capture(): { logger: pino.Logger; text: () => string } {
  let out = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      out += String(chunk);
      done();
    },
  });
  const logger = pino({ redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, sink);
  return { logger, text: () => out };
}

describe("log redaction", () => {
  it("keeps passwords, tokens, cookies and authorization headers out of log lines", () => {
    const { logger, text } = capture();
    logger.info(
      {
        password: "p1",
        token: "trpl_secret1",
        user: { email: "a@example.test", newPassword: "p2", passwordHash: "scrypt$x" },
        session: { tokenHash: "abc123", cookie: "tripline_session=s3" },
        headers: { authorization: "Bearer trpl_secret2", cookie: "tripline_session=s4" },
        req: { headers: { authorization: "Bearer trpl_secret3", cookie: "x=s5" } },
        source: { clientSecret: "s6", credentials: { secretAccessKey: "s7" } },
      },
      "something happened",
    );
    const line = text();
    for (const secret of [
      "p1",
      "p2",
      "trpl_secret",
      "scrypt$x",
      "abc123",
      "=s3",
      "=s4",
      "=s5",
      "s6",
      "s7",
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("a@example.test");
  });
});
