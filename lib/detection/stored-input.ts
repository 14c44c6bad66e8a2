import { z } from "zod";
import { SOURCE_TABLES } from "../events/types";
import type { RuleInput } from "./rules/rule";

/** The stored columns a rule reads: no re-normalisation, the row is what ingest computed. */
const StoredEvent = z.object({
  source_table: z.enum(SOURCE_TABLES),
  event_time: z.date(),
  sentinel: z.record(z.string(), z.string()),
});

/**
 * A stored event (`source_table`, `event_time`, `sentinel` as pg returns them) as a rule input.
 * Throws when the row is not what ingest writes: a verdict on a guessed row would be worse.
 */
export function storedRuleInput(row: unknown): RuleInput {
  const { source_table, event_time, sentinel } = StoredEvent.parse(row);
  return { table: source_table, timeGenerated: event_time, row: sentinel };
}
