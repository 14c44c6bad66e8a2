import type { SentinelRow } from "../../../events/types";
import { cell } from "../../cell";
import { foldCase } from "../../kusto/has";
import type { Judgement } from "./judgement";
import { onList } from "./judgement";
import { ENTRA_OPERATIONS, ENTRA_PREFIXES } from "./lists";

const ENTRA_BY_NAME = new Map(ENTRA_OPERATIONS.map((name) => [normalizeEntraName(name), name]));
const PREFIXES = ENTRA_PREFIXES.map((prefix) => [normalizeEntraName(prefix), prefix] as const);

/**
 * Entra display names vary in spacing and dashes between exports ("Update application –
 * Certificates and secrets management"): trim, collapse white space, en and em dash to "-",
 * ignore case (simple case folding, as Kusto does).
 */
export function normalizeEntraName(name: string): string {
  return foldCase(
    name
      .replace(/[\u2013\u2014]/g, "-")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

function judgeName(column: string, name: string): Judgement {
  const normalized = normalizeEntraName(name);

  const entry = ENTRA_BY_NAME.get(normalized);
  if (entry !== undefined) {
    const explanation = onList(column, name, entry, "Entra");
    return { hit: { entry, explanation, groupKey: "" } };
  }

  const prefix = PREFIXES.find(([normal]) => normalized.startsWith(normal))?.[1];
  if (prefix !== undefined) {
    const explanation = `${column} \`${name}\` starts with \`${prefix}\``;
    return { hit: { entry: prefix, explanation, groupKey: "" } };
  }
  return { miss: `${column} \`${name}\` is not on the Entra list` };
}

/**
 * The Entra audit part of the hardened rule (spec/detection.md section 6, "Entra audit"). A
 * diagnostic export's operationName can differ from its properties.activityDisplayName (an
 * "Invite Internal User" record whose activity is "Invite external user"), so both are judged:
 * the activity name is what Entra shows for the action that happened.
 */
export function judgeAuditLog(row: SentinelRow): Judgement {
  const byOperation = judgeName("OperationName", cell(row, "OperationName"));
  if ("hit" in byOperation) return byOperation;

  const activity = cell(row, "ActivityDisplayName");
  if (activity === "" || activity === cell(row, "OperationName")) return byOperation;
  const byActivity = judgeName("ActivityDisplayName", activity);
  return "hit" in byActivity ? byActivity : byOperation;
}
