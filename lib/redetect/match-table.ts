import type pg from "pg";
import { SEVERITY_RANK } from "../alerts/alert-writer";
import type { AlertVerdict } from "../alerts/candidates";

type Queryable = Pick<pg.PoolClient, "query">;

/** A verdict with the time of its event, which picks the alert's event within a group. */
export interface TimedVerdict extends AlertVerdict {
  eventTime: Date;
}

// The run's verdicts live in a temporary table on the database server, not in this process:
// a re-evaluation over millions of events keeps its memory flat, and the final merge and the
// "no longer matches" test are each one set-based statement against it.
const CREATE = `
  CREATE TEMP TABLE redetect_match (
    rule text NOT NULL,
    rule_version int4 NOT NULL,
    group_key text NOT NULL,
    event_id int8 NOT NULL,
    event_time timestamptz NOT NULL,
    severity text NOT NULL,
    severity_rank int2 NOT NULL,
    confidence text NOT NULL,
    explanation text NOT NULL,
    false_positive_notes jsonb NOT NULL,
    PRIMARY KEY (rule, group_key)
  )`;

// A grouped alert (one Azure operation's records) follows its latest matching event, as the
// ingest-time writer does; equal times are settled by the event id so every run agrees.
const ADD = `
  INSERT INTO redetect_match
  SELECT * FROM unnest($1::text[], $2::int4[], $3::text[], $4::int8[], $5::timestamptz[],
    $6::text[], $7::int2[], $8::text[], $9::text[], $10::jsonb[])
  ON CONFLICT (rule, group_key) DO UPDATE SET
    rule_version = EXCLUDED.rule_version, event_id = EXCLUDED.event_id,
    event_time = EXCLUDED.event_time, severity = EXCLUDED.severity,
    severity_rank = EXCLUDED.severity_rank, confidence = EXCLUDED.confidence,
    explanation = EXCLUDED.explanation, false_positive_notes = EXCLUDED.false_positive_notes
  WHERE (EXCLUDED.event_time, EXCLUDED.event_id) > (redetect_match.event_time, redetect_match.event_id)`;

export async function createMatchTable(client: Queryable): Promise<void> {
  await client.query("DROP TABLE IF EXISTS pg_temp.redetect_match");
  await client.query(CREATE);
}

export async function dropMatchTable(client: Queryable): Promise<void> {
  await client.query("DROP TABLE IF EXISTS pg_temp.redetect_match");
}

/** Adds one batch's verdicts. */
export async function addMatches(
  client: Queryable,
  verdicts: readonly TimedVerdict[],
): Promise<void> {
  const rows = latestPerKey(verdicts);
  if (rows.length === 0) return;
  await client.query(ADD, [
    rows.map((r) => r.rule),
    rows.map((r) => r.ruleVersion),
    rows.map((r) => r.groupKey),
    rows.map((r) => r.eventId.toString()),
    rows.map((r) => r.eventTime.toISOString()),
    rows.map((r) => r.severity),
    rows.map((r) => SEVERITY_RANK[r.severity]),
    rows.map((r) => r.confidence),
    rows.map((r) => r.explanation),
    rows.map((r) => JSON.stringify(r.falsePositiveNotes)),
  ]);
}

/** One row per (rule, group key): one INSERT … ON CONFLICT may not touch a row twice. */
function latestPerKey(verdicts: readonly TimedVerdict[]): TimedVerdict[] {
  const byKey = new Map<string, TimedVerdict>();
  for (const verdict of verdicts) {
    const key = `${verdict.rule}\u0000${verdict.groupKey}`;
    const current = byKey.get(key);
    if (current === undefined || isLater(verdict, current)) byKey.set(key, verdict);
  }
  return [...byKey.values()];
}

function isLater(a: TimedVerdict, b: TimedVerdict): boolean {
  const byTime = a.eventTime.getTime() - b.eventTime.getTime();
  return byTime !== 0 ? byTime > 0 : a.eventId > b.eventId;
}
