import type pg from "pg";
import type { FalsePositiveNote } from "../detection/false-positive-notes";
import type { Confidence, Severity } from "../detection/rules/rule";
import type { NormalizedEvent } from "../events/types";
import { shareDetectionLock } from "./detection-lock";

/** A rule's match on a stored event, ready to become (or update) an alert. */
export interface AlertCandidate {
  rule: string;
  ruleVersion: number;
  /** Alerts of one rule with the same key are one alert ("event:<id>" unless the rule groups). */
  groupKey: string;
  eventId: bigint;
  event: NormalizedEvent;
  severity: Severity;
  confidence: Confidence;
  explanation: string;
  falsePositiveNotes: FalsePositiveNote[];
}

export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

const COLUMNS: [name: string, type: string][] = [
  ["rule", "text"],
  ["rule_version", "int4"],
  ["group_key", "text"],
  ["event_id", "int8"],
  ["event_time", "timestamptz"],
  ["source_table", "text"],
  ["operation", "text"],
  ["actor", "text"],
  ["actor_type", "text"],
  ["source_ip", "inet"],
  ["account", "text"],
  ["outcome", "text"],
  ["severity", "text"],
  ["severity_rank", "int2"],
  ["confidence", "text"],
  ["explanation", "text"],
  ["false_positive_notes", "jsonb"],
];
const names = COLUMNS.map(([name]) => name).join(", ");
const unnestArgs = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
const refreshed = COLUMNS.filter(([name]) => name !== "rule" && name !== "group_key")
  .map(([name]) => `${name} = EXCLUDED.${name}`)
  .join(", ");

// An (event, rule) pair raises at most one alert. A grouped alert (one Azure operation's
// Started and Succeeded records) follows its latest record, keeping its triage state.
const UPSERT = `
  INSERT INTO alert (${names})
  SELECT * FROM unnest(${unnestArgs})
  ON CONFLICT (rule, group_key) DO UPDATE SET ${refreshed}, updated_at = now()
  WHERE alert.group_key NOT LIKE 'event:%' AND EXCLUDED.event_time >= alert.event_time
  RETURNING id, (xmax = 0) AS inserted`;

/** Keeps, per (rule, group key), only the candidate of the latest event. */
function latestPerGroup(candidates: readonly AlertCandidate[]): AlertCandidate[] {
  const byKey = new Map<string, AlertCandidate>();
  for (const candidate of candidates) {
    const key = `${candidate.rule}\u0000${candidate.groupKey}`;
    const current = byKey.get(key);
    if (!current || candidate.event.eventTime >= current.event.eventTime) {
      byKey.set(key, candidate);
    }
  }
  return [...byKey.values()];
}

/** Writes alerts in one statement; returns the ids of alerts that are new. */
export async function writeAlerts(
  client: Pick<pg.PoolClient, "query">,
  candidates: readonly AlertCandidate[],
): Promise<bigint[]> {
  const rows = latestPerGroup(candidates);
  if (rows.length === 0) return [];
  await shareDetectionLock(client);
  const values = [
    rows.map((r) => r.rule),
    rows.map((r) => r.ruleVersion),
    rows.map((r) => r.groupKey),
    rows.map((r) => r.eventId.toString()),
    rows.map((r) => r.event.eventTime.toISOString()),
    rows.map((r) => r.event.table),
    rows.map((r) => r.event.operation),
    rows.map((r) => r.event.actor),
    rows.map((r) => r.event.actorType),
    rows.map((r) => r.event.sourceIp),
    rows.map((r) => r.event.account),
    rows.map((r) => r.event.outcome),
    rows.map((r) => r.severity),
    rows.map((r) => SEVERITY_RANK[r.severity]),
    rows.map((r) => r.confidence),
    rows.map((r) => r.explanation),
    rows.map((r) => JSON.stringify(r.falsePositiveNotes)),
  ];
  const result = await client.query<{ id: string; inserted: boolean }>(UPSERT, values);
  return result.rows.filter((row) => row.inserted).map((row) => BigInt(row.id));
}
