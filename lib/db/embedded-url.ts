import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { dataDir, env } from "../env";

export const EMBEDDED_DATABASE_NAME = "tripline";

export function embeddedPaths(): { clusterDir: string; passwordFile: string } {
  const root = dataDir();
  return { clusterDir: path.join(root, "pg"), passwordFile: path.join(root, "pg-password") };
}

/** The connection URL of the embedded database, or null when it was never initialised. */
export function embeddedDatabaseUrl(): string | null {
  const { passwordFile } = embeddedPaths();
  // The data folder is chosen at run time; the bundler must not trace it into the build.
  if (!existsSync(/* turbopackIgnore: true */ passwordFile)) return null;
  const password = readFileSync(/* turbopackIgnore: true */ passwordFile, "utf8").trim();
  const port = env().TRIPLINE_PG_PORT;
  const credentials = `tripline:${encodeURIComponent(password)}`;
  return `postgresql://${credentials}@127.0.0.1:${port}/${EMBEDDED_DATABASE_NAME}`;
}
