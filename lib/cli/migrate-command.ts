import { withDatabase } from "./database";

/** `tripline migrate`: applies pending migrations (withDatabase always does first). */
export async function migrateCommand(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write("usage: tripline migrate\n");
    return 2;
  }
  await withDatabase(async () => undefined);
  process.stdout.write("database is up to date\n");
  return 0;
}
