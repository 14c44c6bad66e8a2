import { logger } from "../log";
import { alertsCommand } from "./alerts-command";
import { ingestCommand } from "./ingest-command";
import { migrateCommand } from "./migrate-command";

const USAGE = `usage: tripline <command> [options]

commands:
  ingest PATH... [--json]   read log files or folders into the database, detect, report per file
  alerts [--json] [filters] list alerts (every alert unless filters are given; --help for filters)
  migrate                   apply pending database migrations`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  ingest: ingestCommand,
  alerts: alertsCommand,
  migrate: migrateCommand,
};

/** Runs one CLI command and returns its exit code; errors become one sentence on stderr. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return name === undefined || name === "--help" ? 0 : 2;
  }
  try {
    return await command(args);
  } catch (error) {
    logger("cli").error({ err: error }, "command failed");
    process.stderr.write(`tripline: ${(error as Error).message}\n`);
    return 1;
  }
}
