import { type CopyClient, copyIn } from "../db/copy-in";
import { copyLine } from "../db/copy-text";
import { indexableKey } from "../db/index-entry";
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
const refreshed = COLUMNS.filter(([name]) => name !== "rule" && name !== "group_key")
  .map(([name]) => `${name} = EXCLUDED.${name}`)
  .join(", ");

// The session's staging table, as for events (lib/events/event-writer.ts).
const PREPARE_STAGE = `
  CREATE TEMP TABLE IF NOT EXISTS alert_stage (
    ${COLUMNS.map(([name, type]) => `${name} ${type}`).join(", ")});
  TRUNCATE alert_stage`;

const COPY_STAGE = `COPY alert_stage (${names}) FROM STDIN`;

// An (event, rule) pair raises at most one alert. A grouped alert (one Azure operation's
// Started and Succeeded records) follows its latest record, keeping its triage state.
const UPSERT = `
  INSERT INTO alert (${names})
  SELECT ${names} FROM alert_stage
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

// The alert's copies of event fields are indexed for the alerts page (db/index-entry.ts): longer
// values are cut here (the event keeps them whole).
const MAX_INDEXED_CHARS = 500;

function clipped(text: string): string {
  return text.length > MAX_INDEXED_CHARS ? `${text.slice(0, MAX_INDEXED_CHARS)}…` : text;
}

/** A long group key (it holds a record's correlation id) by its digest: groups stay apart. */
function storedGroupKey(key: string): string {
  return indexableKey(key, MAX_INDEXED_CHARS, "group");
}

function rowOf(r: AlertCandidate): (string | number | null)[] {
  return [
    r.rule,
    r.ruleVersion,
    storedGroupKey(r.groupKey),
    r.eventId.toString(),
    r.event.eventTime.toISOString(),
    r.event.table,
    clipped(r.event.operation),
    clipped(r.event.actor),
    clipped(r.event.actorType),
    r.event.sourceIp,
    clipped(r.event.account),
    r.event.outcome,
    r.severity,
    SEVERITY_RANK[r.severity],
    r.confidence,
    r.explanation,
    JSON.stringify(r.falsePositiveNotes),
  ];
}

/** Writes alerts through COPY and one upsert; returns the ids of alerts that are new. */
export async function writeAlerts(
  client: CopyClient,
  candidates: readonly AlertCandidate[],
): Promise<bigint[]> {
  const rows = latestPerGroup(candidates);
  if (rows.length === 0) return [];
  await shareDetectionLock(client);
  await client.query(PREPARE_STAGE);
  await copyIn(client, COPY_STAGE, rows.map((r) => copyLine(rowOf(r))).join(""));
  const result = await client.query<{ id: string; inserted: boolean }>(UPSERT);
  return result.rows.filter((row) => row.inserted).map((row) => BigInt(row.id));
}
