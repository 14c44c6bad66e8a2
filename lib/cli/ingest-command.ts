import { access } from "node:fs/promises";
import { type FileResult, ingestFiles } from "../ingest/pipeline";
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
  return lines.join("\n");
}

/** `tripline ingest PATH... [--json]`: exit 1 when any file failed, 2 on bad usage. */
export async function ingestCommand(args: string[]): Promise<number> {
  const json = args.includes("--json");
  const paths = args.filter((a) => a !== "--json");
  if (paths.length === 0 || paths.some((p) => p.startsWith("--"))) {
    process.stderr.write("usage: tripline ingest PATH... [--json]\n");
    return 2;
  }
  for (const p of paths) {
    try {
      await access(p);
    } catch {
      process.stderr.write(`tripline: ${p}: no such file or folder\n`);
      return 2;
    }
  }

  const result = await withDatabase(() => ingestFiles(filesFromPaths(paths), "cli"));
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
    ? JSON.stringify({ total: totals })
    : `total: ${totals.files} files (${totals.failed} failed), ${totals.records} records, ${totals.stored} stored, ${totals.duplicates} duplicates`;
  process.stdout.write(`${summary}\n`);
  return totals.failed > 0 ? 1 : 0;
}
