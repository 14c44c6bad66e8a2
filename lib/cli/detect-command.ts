import { parseArgs } from "node:util";
import { z } from "zod";
import { type RedetectSummary, redetect } from "../redetect/redetect";
import { withDatabase } from "./database";

const USAGE = `usage: tripline detect [--all] [--json]
  runs the rules again over every stored event: those whose version changed since their alerts
  were evaluated (as the server does at start), or every rule with --all`;

const OPTIONS = { all: { type: "boolean" }, json: { type: "boolean" } } as const;
const Flags = z.object({ all: z.boolean().default(false), json: z.boolean().default(false) });

/** `tripline detect [--all] [--json]`: exit 2 on bad usage. */
export async function detectCommand(args: string[]): Promise<number> {
  let flags: z.infer<typeof Flags>;
  try {
    flags = Flags.parse(parseArgs({ args, options: OPTIONS, strict: true }).values);
  } catch (error) {
    process.stderr.write(`tripline: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const summary = await withDatabase(() => redetect({ all: flags.all }));
  process.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : describeSummary(summary));
  return 0;
}

function describeSummary(summary: RedetectSummary): string {
  if (summary.rules.length === 0) return "every rule version is current; nothing to do\n";
  const rules = summary.rules.map(({ id, from, to }) =>
    from === null || from === to ? `  ${id} version ${to}\n` : `  ${id} version ${from} → ${to}\n`,
  );
  const counts =
    `${summary.events} events evaluated: ${summary.added} alerts added, ` +
    `${summary.updated} updated, ${summary.reopened} reopened, ` +
    `${summary.resolved} closed as rule changed\n`;
  return `rules run again:\n${rules.join("")}${counts}`;
}
