import { pool } from "../db/client";
import { globToRegex } from "./glob";
import { ENTRY_MATCHES_ALERT } from "./predicate";
import type { AllowlistEntryInput } from "./schemas";

export interface AllowlistPreview {
  total: number;
  /** Alerts closed as true positives that the entry would hide: the editor warns loudly. */
  truePositives: number;
  groups: { operation: string; actor: string; count: number }[];
}

/**
 * How many existing alerts an entry would suppress, grouped by operation and actor, before it is
 * saved. Uses the same predicate as suppression itself, with the draft entry as a one-row table.
 */
export async function previewAllowlistEntry(input: AllowlistEntryInput): Promise<AllowlistPreview> {
  const draft = `
    SELECT $1::text AS actor_regex, $2::text[] AS sources, $3::text[] AS operations,
           $4::text[] AS accounts, $5::text[] AS ip_ranges, $6::text AS user_agent_regex`;
  const values = [
    globToRegex(input.actorPattern),
    input.sources,
    input.operations,
    input.accounts,
    input.ipRanges,
    input.userAgentPattern ? globToRegex(input.userAgentPattern) : null,
  ];
  const result = await pool().query<{
    operation: string;
    actor: string;
    count: number;
    true_positives: number;
  }>(
    `WITH e AS (${draft})
     SELECT a.operation, a.actor, count(*)::int AS count,
            count(*) FILTER (WHERE a.classification = 'true_positive')::int AS true_positives
     FROM alert a JOIN event ev ON ev.id = a.event_id AND ev.event_time = a.event_time, e
     WHERE ${ENTRY_MATCHES_ALERT}
     GROUP BY a.operation, a.actor
     ORDER BY count(*) DESC, a.operation, a.actor`,
    values,
  );
  return {
    total: result.rows.reduce((sum, row) => sum + row.count, 0),
    truePositives: result.rows.reduce((sum, row) => sum + row.true_positives, 0),
    groups: result.rows.map(({ operation, actor, count }) => ({ operation, actor, count })),
  };
}
