import pino from "pino";

// Secrets must never reach a log line: redact the usual carriers wherever they appear, one level
// deep and inside a request's headers. Sign-in code also keeps passwords and tokens out of the
// objects it logs; this list is the net under that.
const SECRET_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "passwordHash",
  "token",
  "tokenHash",
  "secret",
  "authorization",
  "cookie",
  "setCookie",
  "databaseUrl",
  // Cloud credentials that pull sources hold.
  "secretAccessKey",
  "sessionToken",
  "clientSecret",
  "privateKey",
  "credentials",
  // pg-pool hangs the client (with its cancel key) on the errors of idle connections.
  "client",
  "secretKey",
];
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  'headers["authorization"]',
  'headers["cookie"]',
  'headers["set-cookie"]',
  'req.headers["authorization"]',
  'req.headers["cookie"]',
];

// Logs go to stderr so that command output on stdout (`tripline ... --json`) stays clean.
const root = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  },
  pino.destination(2),
);

/** A child logger for one module: `logger("ingest").info({ file }, "file stored")`. */
export function logger(module: string): pino.Logger {
  return root.child({ module });
}
