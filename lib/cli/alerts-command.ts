import { parseArgs } from "node:util";
import { exportAlerts } from "../alerts/export";
import { allAlerts, type FullAlert } from "../alerts/queries";
import { AlertFilter } from "../alerts/schemas";
import { withDatabase } from "./database";

const USAGE = `usage: tripline alerts [--json] [--rule ID] [--severity S] [--confidence C]
  [--since TIME] [--until TIME] [--range 24h|7d|30d|all] [--source TABLE] [--operation TEXT]
  [--actor TEXT] [--status open|acknowledged|closed] [--suppression active|suppressed|all]`;

const OPTIONS = {
  json: { type: "boolean" },
  rule: { type: "string" },
  severity: { type: "string" },
  confidence: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
  range: { type: "string", default: "all" },
  source: { type: "string" },
  operation: { type: "string" },
  actor: { type: "string" },
  status: { type: "string" },
  suppression: { type: "string", default: "all" },
} as const;

/** `tripline alerts`: every alert whatever its age unless filters are given. */
export async function alertsCommand(args: string[]): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>["values"];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    process.stderr.write(`tripline: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { json, since, until, ...rest } = values;
  const parsed = AlertFilter.strict().safeParse({ ...rest, from: since, to: until });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`);
    process.stderr.write(`tripline: ${problems.join("; ")}\n${USAGE}\n`);
    return 2;
  }

  await withDatabase(async () => {
    if (json) {
      for await (const chunk of exportAlerts(parsed.data, "json")) process.stdout.write(chunk);
      return;
    }
    let count = 0;
    for await (const alert of allAlerts(parsed.data)) {
      process.stdout.write(`${describeAlert(alert)}\n`);
      count += 1;
    }
    process.stderr.write(`${count} alerts\n`);
  });
  return 0;
}

function describeAlert(alert: FullAlert): string {
  const suppressed = alert.suppressedBy ? `  suppressed by ${alert.suppressedBy.name}` : "";
  const grade = `${alert.severity}/${alert.confidence}`;
  return [
    alert.eventTime.toISOString(),
    alert.rule,
    grade,
    alert.sourceTable,
    alert.operation,
    alert.actor,
    `${alert.status}${suppressed}`,
  ].join("  ");
}
