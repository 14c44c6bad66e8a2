import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { pool } from "../db/client";
import { type EventToStore, writeEvents } from "../events/event-writer";
import { SOURCE_TABLES, type SourceTable } from "../events/types";
import { contentHash } from "../ingest/content-hash";
import { normalizeSentinelRow } from "../normalize/sentinel-export";
import { FIXTURES_DIR } from "./fixtures";

const VectorsFile = z.object({
  now: z.iso.datetime(),
  events: z.array(
    z.object({
      id: z.string(),
      table: z.enum(SOURCE_TABLES),
      TimeGenerated: z.iso.datetime(),
      fields: z.record(z.string(), z.string()),
      sentinelParity: z.boolean(),
      hardened: z.boolean(),
    }),
  ),
});

export type EventVector = z.infer<typeof VectorsFile>["events"][number];

/** fixtures/vectors/events.json: Sentinel table rows, the run instant and the verdicts. */
export function eventVectors(): { now: Date; events: EventVector[] } {
  const text = readFileSync(path.join(FIXTURES_DIR, "vectors/events.json"), "utf8");
  const file = VectorsFile.parse(JSON.parse(text));
  return { now: new Date(file.now), events: file.events };
}

/**
 * A Sentinel table row as a stored event: normalised the way an uploaded Sentinel export row
 * is, so it carries the columns the table always has (AWS rows get OperationName "CloudTrail").
 */
export function sentinelRowEvent(
  table: SourceTable,
  timeGenerated: string,
  fields: Readonly<Record<string, string>>,
): EventToStore {
  const row = { TimeGenerated: timeGenerated, ...fields };
  const normalized = normalizeSentinelRow(table, row);
  if (!normalized.ok) throw new Error(`test row cannot be normalised: ${normalized.reason}`);
  return { event: normalized.event, raw: JSON.stringify(row), contentHash: contentHash(row) };
}

/** Stores events in order, as ingest would, and returns their ids in the same order. */
export async function storeEvents(items: readonly EventToStore[]): Promise<bigint[]> {
  const client = await pool().connect();
  const stored = await writeEvents(client, items, null).finally(() => client.release());
  if (stored.length !== items.length) throw new Error("a test event was a duplicate");
  const ids: bigint[] = [];
  for (const { index, id } of stored) ids[index] = id;
  return ids;
}

/** Stores every vector's event; returns the event id of each vector id. */
export async function storeVectorEvents(
  vectors: readonly EventVector[],
): Promise<Map<string, bigint>> {
  const ids = await storeEvents(
    vectors.map((v) => sentinelRowEvent(v.table, v.TimeGenerated, v.fields)),
  );
  return new Map(vectors.map((v, i) => [v.id, ids[i] as bigint]));
}
