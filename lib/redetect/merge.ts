import type pg from "pg";
import { applyToAlerts } from "../allowlist/suppression";
import type { DetectionRule } from "../detection/rules/rule";
import { recordVersions } from "./rule-state";

/** The resolution of an alert Tripline closed because its rule no longer matches. */
export const RULE_CHANGED = "rule_changed";

export interface MergeCounts {
  added: number;
  updated: number;
  reopened: number;
  resolved: number;
}

// Each statement below records what it changed in the alert's history, by "system", the way an
// analyst's triage changes are recorded.
const HISTORY = `
  INSERT INTO alert_change (alert_id, by, field, old_value, new_value)
  SELECT c.id, 'system', v.field, v.old_value, v.new_value
  FROM changed c, LATERAL (VALUES
    ('status', c.old_status, c.new_status),
    ('resolution', c.old_resolution, c.new_resolution)
  ) AS v(field, old_value, new_value)
  WHERE v.old_value IS DISTINCT FROM v.new_value`;

// Matches again after a rule change closed it. An alert Tripline closed has no classification
// (an analyst's close always has one): it opens again. One an analyst had closed stays closed.
const REOPEN = `
  WITH target AS (
    SELECT a.id, a.status, a.resolution FROM alert a
    JOIN redetect_match m ON m.rule = a.rule AND m.group_key = a.group_key
    WHERE a.resolution = 'rule_changed' FOR UPDATE OF a
  ), changed AS (
    UPDATE alert SET resolution = NULL, updated_at = now(),
      status = CASE WHEN alert.classification IS NULL THEN 'open' ELSE alert.status END,
      closed_at = CASE WHEN alert.classification IS NULL THEN NULL ELSE alert.closed_at END
    FROM target t WHERE alert.id = t.id
    RETURNING alert.id, t.status AS old_status, alert.status AS new_status,
      t.resolution AS old_resolution, alert.resolution AS new_resolution
  ), history AS (${HISTORY})
  SELECT count(*)::int AS n FROM changed`;

// New alerts are inserted; an alert that still matches takes the new verdict (version, grade,
// explanation, notes) and keeps its triage state: status, classification, assignee, suppression.
const UPSERT = `
  INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table, operation,
    actor, actor_type, source_ip, account, outcome, severity, severity_rank, confidence,
    explanation, false_positive_notes)
  SELECT m.rule, m.rule_version, m.group_key, e.id, e.event_time, e.source_table, e.operation,
    e.actor, e.actor_type, e.source_ip, e.account, e.outcome, m.severity, m.severity_rank,
    m.confidence, m.explanation, m.false_positive_notes
  FROM redetect_match m JOIN event e ON e.id = m.event_id AND e.event_time = m.event_time
  ON CONFLICT (rule, group_key) DO UPDATE SET
    rule_version = EXCLUDED.rule_version, event_id = EXCLUDED.event_id,
    event_time = EXCLUDED.event_time, source_table = EXCLUDED.source_table,
    operation = EXCLUDED.operation, actor = EXCLUDED.actor, actor_type = EXCLUDED.actor_type,
    source_ip = EXCLUDED.source_ip, account = EXCLUDED.account, outcome = EXCLUDED.outcome,
    severity = EXCLUDED.severity, severity_rank = EXCLUDED.severity_rank,
    confidence = EXCLUDED.confidence, explanation = EXCLUDED.explanation,
    false_positive_notes = EXCLUDED.false_positive_notes, updated_at = now()
  WHERE (alert.rule_version, alert.event_id, alert.severity, alert.confidence, alert.explanation,
      alert.false_positive_notes)
    IS DISTINCT FROM (EXCLUDED.rule_version, EXCLUDED.event_id, EXCLUDED.severity,
      EXCLUDED.confidence, EXCLUDED.explanation, EXCLUDED.false_positive_notes)
  RETURNING id::text AS id, (xmax = 0) AS inserted`;

// No event matches any more under the re-evaluated rule: closed as "rule changed", never deleted.
// An alert already closed keeps its closing time and classification.
const RESOLVE = `
  WITH target AS (
    SELECT a.id, a.status FROM alert a
    WHERE a.rule = ANY($1::text[]) AND a.resolution IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM redetect_match m WHERE m.rule = a.rule AND m.group_key = a.group_key)
    FOR UPDATE
  ), changed AS (
    UPDATE alert SET resolution = 'rule_changed', status = 'closed',
      closed_at = COALESCE(alert.closed_at, now()), updated_at = now()
    FROM target t WHERE alert.id = t.id
    RETURNING alert.id, t.status AS old_status, alert.status AS new_status,
      NULL::text AS old_resolution, alert.resolution AS new_resolution
  ), history AS (${HISTORY})
  SELECT count(*)::int AS n FROM changed`;

// Bound parameters are arrays; keep each one a manageable size on a first run over a big store.
const SUPPRESS_CHUNK = 10_000;

/**
 * Makes the alert table agree with the run's verdicts, in one transaction, and records the rule
 * versions: an analyst never sees a rule change half-applied, and an interrupted run leaves the
 * old versions recorded, so the next start runs it again.
 */
export async function mergeMatches(
  client: Pick<pg.PoolClient, "query">,
  rules: readonly DetectionRule[],
): Promise<MergeCounts> {
  await client.query("BEGIN");
  try {
    const reopened = await count(client, REOPEN);
    const upserted = await client.query<{ id: string; inserted: boolean }>(UPSERT);
    const added = upserted.rows.filter((row) => row.inserted).map((row) => BigInt(row.id));
    for (let i = 0; i < added.length; i += SUPPRESS_CHUNK) {
      await applyToAlerts(client, added.slice(i, i + SUPPRESS_CHUNK));
    }
    const resolved = await count(client, RESOLVE, [rules.map((rule) => rule.id)]);
    await recordVersions(client, rules);
    await client.query("COMMIT");

    const updated = upserted.rows.length - added.length;
    return { added: added.length, updated, reopened, resolved };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function count(
  client: Pick<pg.PoolClient, "query">,
  sql: string,
  values: unknown[] = [],
): Promise<number> {
  const result = await client.query<{ n: number }>(sql, values);
  return result.rows[0]?.n ?? 0;
}
