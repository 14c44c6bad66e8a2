import { pool } from "../db/client";

const SEVERITIES = ["critical", "high", "medium", "low"];

/**
 * Stores `count` alerts on one event, straight in SQL, for tests of the table's paging and counts.
 * Few distinct values per column and only five distinct times, so that page boundaries fall inside
 * runs of equal sort values and equal times, where only the id orders rows.
 */
export async function insertAlerts(count: number): Promise<void> {
  // One event per time: an alert's event_time is its event's (the foreign key holds both).
  const events = await pool().query<{ id: string; event_time: Date }>(
    `INSERT INTO event (source_table, kind, event_time, operation, actor, actor_type, source_host,
       account, region, user_agent, outcome, outcome_code, dedup_key, content_hash,
       correlation_id, sentinel, raw)
     SELECT 'AWSCloudTrail', 'event', now() - k * interval '1 minute', 'op', 'actor', 'user', '',
       'acct', '', '', 'ok', '', 'alert-rows-' || k, 'alert-rows-' || k, '', '{}', '{}'
     FROM generate_series(0, 4) AS k ORDER BY k RETURNING id, event_time`,
  );
  await pool().query(
    `INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table,
       operation, actor, actor_type, account, outcome, severity, severity_rank, confidence,
       explanation, false_positive_notes, status)
     SELECT 'hardened', 1, 'k' || i, ($1::int8[])[1 + i % 5], ($2::timestamptz[])[1 + i % 5],
       (ARRAY['AWSCloudTrail', 'AzureActivity', 'AuditLogs'])[1 + i % 3],
       'Op' || (i % 4), 'actor-' || (i % 6), 'user', 'acct', 'ok',
       ($3::text[])[1 + i % 4], i % 4, 'high', '', '[]',
       (ARRAY['open', 'acknowledged', 'closed'])[1 + i % 3]
     FROM generate_series(1, $4::int) AS i`,
    [
      events.rows.map((r) => r.id),
      events.rows.map((r) => r.event_time.toISOString()),
      SEVERITIES,
      count,
    ],
  );
  await pool().query("ANALYZE alert");
}
