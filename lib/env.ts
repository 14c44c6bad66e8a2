import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  TRIPLINE_DATA_DIR: z.string().min(1).default(".tripline"),
  TRIPLINE_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(5433),
  TRIPLINE_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TRIPLINE_HOST: z.string().min(1).default("127.0.0.1"),
  /** Upload limit per file, judged on uncompressed bytes. */
  TRIPLINE_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  TRIPLINE_MAX_UPLOAD_FILES: z.coerce.number().int().positive().default(100),
  /** The longest an allowlist entry may run before someone must look at it again. */
  TRIPLINE_ALLOWLIST_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Secure session cookies: "auto" sets Secure when the request came over https. */
  TRIPLINE_SECURE_COOKIES: z.enum(["auto", "always", "never"]).default("auto"),
  TRIPLINE_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** The address people open, when a reverse proxy serves Tripline; used in the setup link. */
  TRIPLINE_PUBLIC_URL: z.url().optional(),
  /** Host names the dashboard answers to besides IP literals and localhost (comma-separated). */
  TRIPLINE_ALLOWED_HOSTS: z.string().optional(),
  /** Seals pull sources' secrets with AES-256-GCM: 32 bytes, hex or base64. */
  TRIPLINE_SECRET_KEY: z
    .string()
    .trim()
    .regex(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, "must be 32 bytes: 64 hex digits or base64")
    .optional(),
  /**
   * Where files are parsed: on the thread that writes them, or on a worker thread in parallel
   * with writing (about 100 MB more resident memory; an upload through the server has been seen
   * to stall at its end with it, see lib/ingest/worker/worker-pool.ts).
   */
  TRIPLINE_PARSE_THREAD: z.enum(["worker", "main"]).default("main"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

/** A setting of the environment that cannot be used: the operator's to fix, not a bug. */
export class InvalidEnvironment extends Error {
  constructor(problems: readonly string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "InvalidEnvironment";
  }
}

/** The validated environment; a bad value throws with the variable's name. */
export function env(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new InvalidEnvironment(
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** The data directory as an absolute path (relative values are taken from the working folder). */
export function dataDir(): string {
  return path.resolve(env().TRIPLINE_DATA_DIR);
}
