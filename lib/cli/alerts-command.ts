import { parseArgs } from "node:util";
import { allAlerts } from "../alerts/queries";
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
    if (json) process.stdout.write("[");
    let count = 0;
    for await (const alert of allAlerts(parsed.data)) {
      if (json) {
        process.stdout.write(`${count === 0 ? "\n" : ",\n"}${JSON.stringify(toJson(alert))}`);
      } else {
        const suppressed = alert.suppressedBy ? `  suppressed by ${alert.suppressedBy.name}` : "";
        process.stdout.write(
          `${alert.eventTime.toISOString()}  ${alert.rule}  ${alert.severity}/${alert.confidence}  ${alert.sourceTable}  ${alert.operation}  ${alert.actor}  ${alert.status}${suppressed}\n`,
        );
      }
      count += 1;
    }
    if (json) process.stdout.write(count === 0 ? "]\n" : "\n]\n");
    else process.stderr.write(`${count} alerts\n`);
  });
  return 0;
}

function toJson(alert: Awaited<ReturnType<AsyncGenerator["next"]>>["value"]): unknown {
  return JSON.parse(
    JSON.stringify(alert, (_key, value) => (typeof value === "bigint" ? value.toString() : value)),
  );
}
