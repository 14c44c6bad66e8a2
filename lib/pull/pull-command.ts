import { parseArgs } from "node:util";
import { z } from "zod";
import { withDatabase } from "../cli/database";
import { PULL_ERROR_LABELS } from "./pull-error";
import { type RunSummary, runSource } from "./run-source";
import { dueSources } from "./schedule-store";
import { listSources } from "./source-store";

const USAGE = `usage: tripline pull [--source ID | --all] [--json]
  (no option)   run every source that is due now, once
  --source ID   run that source now, due or not, paused or not
  --all         run every enabled source now`;

const OPTIONS = {
  source: { type: "string" },
  all: { type: "boolean" },
  json: { type: "boolean" },
} as const;

/** `tripline pull`: runs sources once, prints one line each; exit 1 when any run failed. */
export async function pullCommand(args: string[]): Promise<number> {
  let values: { source?: string; all?: boolean; json?: boolean };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    process.stderr.write(`tripline: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.source !== undefined && !z.uuid().safeParse(values.source).success) {
    process.stderr.write(`tripline: --source takes a source id (a UUID)\n${USAGE}\n`);
    return 2;
  }
  if (values.source !== undefined && values.all) {
    process.stderr.write(`tripline: give --source or --all, not both\n${USAGE}\n`);
    return 2;
  }

  return withDatabase(async () => {
    const ids = await chooseSources(values.source, values.all ?? false);
    if (values.source !== undefined && ids.length === 0) {
      process.stderr.write(`tripline: no source has the id ${values.source}\n`);
      return 2;
    }
    let failed = 0;
    for (const id of ids) {
      const summary = await runSource(id, { trigger: "cli" });
      if (summary === null) {
        process.stdout.write(
          `${values.json ? JSON.stringify({ source: id, status: "busy" }) : `BUSY  ${id}  another run of this source is under way`}\n`,
        );
        continue;
      }
      if (summary.status !== "succeeded") failed += 1;
      process.stdout.write(
        `${values.json ? JSON.stringify(publicSummary(summary)) : describeRun(summary)}\n`,
      );
    }
    if (ids.length === 0 && !values.json) process.stdout.write("no source is due\n");
    return failed > 0 ? 1 : 0;
  });
}

async function chooseSources(source: string | undefined, all: boolean): Promise<string[]> {
  const sources = await listSources();
  if (source !== undefined) return sources.filter((s) => s.id === source).map((s) => s.id);
  if (all) return sources.filter((s) => s.enabled).map((s) => s.id);
  return (await dueSources(1000)).map((s) => s.id);
}

function publicSummary(summary: RunSummary) {
  return {
    source: summary.sourceId,
    run: summary.runId.toString(),
    status: summary.status,
    ...summary.totals,
    error: summary.error,
  };
}

function describeRun(summary: RunSummary): string {
  const t = summary.totals;
  const counts = `${t.files} files, ${t.fetched} records, ${t.stored} stored, ${t.duplicates} duplicates, ${t.alerts} alerts`;
  const line = `${summary.status.toUpperCase()}  ${summary.sourceId}  ${counts}`;
  if (!summary.error) return line;
  return `${line}\n    ${PULL_ERROR_LABELS[summary.error.kind]}: ${summary.error.message}`;
}
