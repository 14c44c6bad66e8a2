import type pg from "pg";
import type { DetectionRule } from "../detection/rules/rule";

type Queryable = Pick<pg.PoolClient, "query">;

/** The version of each rule whose verdicts the alert table holds; absent when never recorded. */
export async function appliedVersions(client: Queryable): Promise<Map<string, number>> {
  const result = await client.query<{ rule: string; version: number }>(
    "SELECT rule, version FROM rule_state",
  );
  return new Map(result.rows.map((row) => [row.rule, row.version]));
}

/** Rules whose version in the code is not the one their alerts were evaluated with. */
export function changedRules(
  rules: readonly DetectionRule[],
  applied: ReadonlyMap<string, number>,
): DetectionRule[] {
  return rules.filter((rule) => applied.get(rule.id) !== rule.version);
}

/** Records that every stored event has been evaluated with these rule versions. */
export async function recordVersions(
  client: Queryable,
  rules: readonly DetectionRule[],
): Promise<void> {
  if (rules.length === 0) return;
  await client.query(
    `INSERT INTO rule_state (rule, version, evaluated_at)
     SELECT r.rule, r.version, now() FROM unnest($1::text[], $2::int4[]) AS r(rule, version)
     ON CONFLICT (rule) DO UPDATE
       SET version = EXCLUDED.version, evaluated_at = EXCLUDED.evaluated_at`,
    [rules.map((rule) => rule.id), rules.map((rule) => rule.version)],
  );
}
