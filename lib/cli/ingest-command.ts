import { userInfo } from "node:os";
import { markInterruptedJobs } from "../ingest/job-liveness";
import { type FileResult, ingestFiles } from "../ingest/pipeline";
import { DateOrder } from "../normalize/locale-date";
import { terminalText } from "../text/visible-controls";
import { withDatabase } from "./database";
import { filesFromPaths } from "./files";

interface Totals {
  files: number;
  failed: number;
  records: number;
  stored: number;
  duplicates: number;
  errors: number;
}

function publicResult(r: FileResult) {
  return {
    file: r.file,
    shape: r.shape,
    status: r.status,
    notice: r.notice,
    records: r.records,
    stored: r.stored,
    duplicates: r.duplicates,
    idConflicts: r.idConflicts,
    rejected: r.rejected,
    alerts: r.alerts,
    errors: r.errors,
  };
}

function describeResult(r: FileResult): string {
  const counts = `${r.records} read, ${r.stored} stored, ${r.duplicates} duplicates, ${r.rejected} rejected, ${r.alerts} alerts`;
  const lines = [
    `${r.status.toUpperCase()}  ${r.file}  [${r.shapeLabel ?? "unrecognised"}]  ${counts}`,
  ];
  if (r.notice) lines.push(`    note: ${r.notice}`);
  for (const e of r.errors) lines.push(`    error at ${e.position}: ${e.message}`);
  return lines.map(terminalText).join("\n");
}

const USAGE = "usage: tripline ingest PATH... [--json] [--date-order dmy|mdy]\n";

/**
 * `tripline ingest PATH... [--json] [--date-order dmy|mdy]`: exit 1 when any file failed (a
 * missing path or a broken link is a failed file; the others are still read), 2 on bad usage. `--date-order` says how CSV exports write dates when their rows cannot tell.
 */
export async function ingestCommand(args: string[]): Promise<number> {
  const parsed = parseIngestArgs(args);
  if (parsed === null) {
    process.stderr.write(USAGE);
    return 2;
  }
  const { json, paths, dateOrder } = parsed;

  const result = await withDatabase(async () => {
    await markInterruptedJobs();
    return ingestFiles(filesFromPaths(paths), "cli", { dateOrder, createdBy: cliUser() });
  });
  const totals: Totals = { files: 0, failed: 0, records: 0, stored: 0, duplicates: 0, errors: 0 };
  for (const file of result.files) {
    totals.files += 1;
    totals.failed += file.status === "failed" ? 1 : 0;
    totals.records += file.records;
    totals.stored += file.stored;
    totals.duplicates += file.duplicates;
    totals.errors += file.errors.length;
    const line = json ? JSON.stringify(publicResult(file)) : describeResult(file);
    process.stdout.write(`${line}\n`);
  }
  const summary = json
    ? JSON.stringify({ total: totals, jobId: result.jobId })
    : `total: ${totals.files} files (${totals.failed} failed), ${totals.records} records, ${totals.stored} stored, ${totals.duplicates} duplicates (ingest job ${result.jobId})`;
  process.stdout.write(`${summary}\n`);
  return totals.failed > 0 ? 1 : 0;
}

export function parseIngestArgs(
  args: readonly string[],
): { json: boolean; paths: string[]; dateOrder: DateOrder | null } | null {
  let json = false;
  let dateOrder: DateOrder | null = null;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--json") json = true;
    else if (arg === "--date-order" || arg.startsWith("--date-order=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      const order = DateOrder.safeParse(value);
      if (!order.success) return null;
      dateOrder = order.data;
    } else if (arg.startsWith("--")) return null;
    else paths.push(arg);
  }
  return paths.length === 0 ? null : { json, paths, dateOrder };
}

/** Who ran the command, as the ingest history shows it: the operating-system account. */
function cliUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
}
