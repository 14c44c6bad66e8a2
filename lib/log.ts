import pino from "pino";

// Logs go to stderr so that command output on stdout (`tripline ... --json`) stays clean.
// Secrets must never reach a log line: redact the usual carriers wherever they appear.
const root = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    redact: {
      paths: ["password", "*.password", "token", "*.token", "secret", "*.secret", "databaseUrl"],
      censor: "[redacted]",
    },
  },
  pino.destination(2),
);

/** A child logger for one module: `logger("ingest").info({ file }, "file stored")`. */
export function logger(module: string): pino.Logger {
  return root.child({ module });
}
