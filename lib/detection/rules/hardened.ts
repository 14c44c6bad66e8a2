import type { SentinelRow, SourceTable } from "../../events/types";
import { judgeCloudTrail } from "./hardened/aws";
import { judgeAzureActivity } from "./hardened/azure";
import { judgeAuditLog } from "./hardened/entra";
import { confidenceOf, severityOf } from "./hardened/grade";
import type { Judgement } from "./hardened/judgement";
import type { DetectionRule, RuleInput, RuleOutcome } from "./rule";
import { matched, missed } from "./rule";

// 2: listed names are compared by simple case folding (long s folds to s, dotless i stays).
export const HARDENED_VERSION = 2;

const JUDGES: Record<SourceTable, (row: SentinelRow) => Judgement> = {
  AWSCloudTrail: judgeCloudTrail,
  AzureActivity: judgeAzureActivity,
  AuditLogs: judgeAuditLog,
};

/** The rule analysts triage: section 6's exact lists, drops and severity table. No time window. */
export const hardened: DetectionRule = {
  id: "hardened",
  name: "Hardened: cloud control-plane abuse",
  version: HARDENED_VERSION,
  evaluate: evaluateHardened,
};

function evaluateHardened({ table, row }: RuleInput): RuleOutcome {
  const judgement = JUDGES[table](row);
  if ("miss" in judgement) return missed(judgement.miss);

  const { entry, explanation, groupKey } = judgement.hit;
  return matched({
    severity: severityOf(entry),
    confidence: confidenceOf(entry, table, row),
    explanation,
    matched: entry,
    groupKey,
  });
}
