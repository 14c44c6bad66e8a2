import { parseArgs } from "node:util";
import { exportAlerts } from "../alerts/export";
import { allAlerts, type FullAlert } from "../alerts/queries";
import { AlertFilter } from "../alerts/schemas";
import { RULES } from "../detection/rules";
import { terminalText } from "../text/visible-controls";
import { withDatabase } from "./database";

const USAGE = `usage: tripline alerts [--json] [--rule ID] [--severity S] [--confidence C]
  [--since TIME] [--until TIME] [--range 24h|7d|30d|all] [--source TABLE] [--operation TEXT]
  [--actor TEXT] [--status open|acknowledged|closed] [--suppression active|suppressed|all]`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
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
    process.stderr.write(`tripline: ${terminalText((error as Error).message)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { json, since, until, help: _help, ...rest } = values;
  const ruleIds = RULES.map((r) => r.id);
  if (rest.rule !== undefined && !ruleIds.includes(rest.rule as (typeof ruleIds)[number])) {
    const known = ruleIds.join(", ");
    process.stderr.write(`tripline: --rule: no rule "${terminalText(rest.rule)}"; use ${known}\n`);
    return 2;
  }
  const parsed = AlertFilter.strict().safeParse({ ...rest, from: since, to: until });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${flagName(i.path)}: ${i.message}`);
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

/** The flag the user typed for a filter field (`from` and `to` are `--since` and `--until`). */
function flagName(path: readonly PropertyKey[]): string {
  const field = path.map(String).join(".");
  return field === "from" ? "since" : field === "to" ? "until" : field;
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
  ]
    .map(terminalText)
    .join("  ");
}
