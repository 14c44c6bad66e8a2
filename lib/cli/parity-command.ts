import { once } from "node:events";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parityCsv, parityJson } from "../parity/format";
import { parityReportRows } from "../parity/report";
import { ParityAt } from "../parity/schemas";
import { withDatabase } from "./database";

const USAGE = `usage: tripline parity-report [--at TIME] [--csv]
  the rows Microsoft Sentinel's rule returns when run at TIME (ISO 8601, UTC when no zone is
  given; default now): a JSON array, or CSV with --csv`;

const OPTIONS = { at: { type: "string" }, csv: { type: "boolean" } } as const;
const Flags = z.object({ at: ParityAt, csv: z.boolean().default(false) });

/** `tripline parity-report [--at TIME] [--csv]`: exit 2 on bad usage. */
export async function parityCommand(args: string[]): Promise<number> {
  let flags: z.infer<typeof Flags>;
  try {
    const { values } = parseArgs({ args, options: OPTIONS, strict: true });
    const parsed = Flags.safeParse(values);
    if (!parsed.success) throw new Error(`--at: ${parsed.error.issues[0]?.message}`);
    flags = parsed.data;
  } catch (error) {
    process.stderr.write(`tripline: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }

  const at = flags.at ?? new Date();
  await withDatabase(async () => {
    const rows = parityReportRows(at, (source) => {
      process.stderr.write(`tripline: parity report read from ${source}\n`);
    });
    for await (const chunk of flags.csv ? parityCsv(rows) : parityJson(rows)) {
      // A year of busy CloudTrail can make a long report: wait when the pipe is full.
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }
  });
  return 0;
}
