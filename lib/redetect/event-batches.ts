import type pg from "pg";
import type { RuleInput } from "../detection/rules/rule";
import { storedRuleInput } from "../detection/stored-input";

export interface StoredInput {
  id: bigint;
  input: RuleInput;
}

/**
 * Every stored event, in id order, a batch at a time: one indexed range read per batch, so memory
 * stays flat however many events are stored. Events stored after the scan began are left out;
 * ingest evaluated them with the rules this code holds.
 */
export async function* storedEventBatches(
  client: Pick<pg.PoolClient, "query">,
  batchSize: number,
): AsyncGenerator<StoredInput[]> {
  const bounds = await client.query<{ last: string | null }>(
    "SELECT max(id)::text AS last FROM event",
  );
  const last = bounds.rows[0]?.last ?? null;
  if (last === null) return;

  let after = "0";
  for (;;) {
    const result = await client.query<{ id: string }>(
      // pg gives int8 as a string, which BigInt() takes without loss.
      `SELECT id, source_table, event_time, sentinel FROM event
       WHERE id > $1 AND id <= $2 ORDER BY id LIMIT $3`,
      [after, last, batchSize],
    );
    if (result.rows.length === 0) return;
    yield result.rows.map((row) => ({ id: BigInt(row.id), input: storedRuleInput(row) }));

    const tail = result.rows.at(-1);
    if (tail === undefined || result.rows.length < batchSize) return;
    after = tail.id;
  }
}
