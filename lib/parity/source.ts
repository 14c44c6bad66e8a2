import type pg from "pg";
import { pool } from "../db/client";
import { sentinelParity } from "../detection/rules/sentinel-parity";

/**
 * Where the report's rows come from. "alerts": the parity rule's alerts, when the rule's current
 * version has been applied to every stored event, so an event matches exactly when it has an
 * open-or-triaged (not "rule changed") alert of that version. "events": every stored event in the
 * window, judged by the predicate here, when re-evaluation is pending (or never ran).
 */
export type ParitySource = "alerts" | "events";

export async function paritySource(
  client: Pick<pg.PoolClient, "query"> = pool(),
): Promise<ParitySource> {
  const result = await client.query<{ version: number }>(
    "SELECT version FROM rule_state WHERE rule = $1",
    [sentinelParity.id],
  );
  return result.rows[0]?.version === sentinelParity.version ? "alerts" : "events";
}
