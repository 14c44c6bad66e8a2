import { pool } from "../db/client";

const SEVERITIES = ["critical", "high", "medium", "low"];

/**
 * Stores `count` alerts on one event, straight in SQL, for tests of the table's paging and counts.
 * Few distinct values per column and only five distinct times, so that page boundaries fall inside
 * runs of equal sort values and equal times, where only the id orders rows.
 */
export async function insertAlerts(count: number): Promise<void> {
  const event = await pool().query<{ id: string }>(
    `INSERT INTO event (source_table, kind, event_time, operation, actor, actor_type, source_host,
       account, region, user_agent, outcome, outcome_code, dedup_key, content_hash,
       correlation_id, sentinel, raw)
     VALUES ('AWSCloudTrail', 'event', now(), 'op', 'actor', 'user', '', 'acct', '', '', 'ok',
       '', 'alert-rows', 'alert-rows', '', '{}', '{}') RETURNING id`,
  );
  await pool().query(
    `INSERT INTO alert (rule, rule_version, group_key, event_id, event_time, source_table,
       operation, actor, actor_type, account, outcome, severity, severity_rank, confidence,
       explanation, false_positive_notes, status)
     SELECT 'hardened', 1, 'k' || i, $1, now() - (i % 5) * interval '1 minute',
       (ARRAY['AWSCloudTrail', 'AzureActivity', 'AuditLogs'])[1 + i % 3],
       'Op' || (i % 4), 'actor-' || (i % 6), 'user', 'acct', 'ok',
       ($2::text[])[1 + i % 4], i % 4, 'high', '', '[]',
       (ARRAY['open', 'acknowledged', 'closed'])[1 + i % 3]
     FROM generate_series(1, $3::int) AS i`,
    [event.rows[0]?.id, SEVERITIES, count],
  );
  await pool().query("ANALYZE alert");
}
