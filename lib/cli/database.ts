import { disconnect } from "../db/client";
import { startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { env } from "../env";

/**
 * Runs `work` against the same database the server uses: DATABASE_URL, or the embedded one
 * (reused when the server runs it, started for the command's duration otherwise). Pending
 * migrations are applied first.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  let stop = async (): Promise<void> => undefined;
  let url = env().DATABASE_URL;
  if (!url) {
    const running = await startEmbeddedDatabase();
    url = running.url;
    stop = running.stop;
    process.env.DATABASE_URL = url;
  }
  try {
    await migrate(url);
    return await work();
  } finally {
    await disconnect();
    await stop();
  }
}
