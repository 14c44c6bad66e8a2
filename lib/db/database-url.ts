import { env } from "../env";
import { embeddedDatabaseUrl } from "./embedded-url";

/**
 * The PostgreSQL this process uses: DATABASE_URL when set, else the embedded database under the
 * data directory. Throws a plain sentence when neither exists.
 */
export function databaseUrl(): string {
  const configured = env().DATABASE_URL;
  if (configured) return configured;
  const embedded = embeddedDatabaseUrl();
  if (embedded) return embedded;
  throw new Error(
    "No database: set DATABASE_URL, or run `npm start` once to create the embedded database.",
  );
}
