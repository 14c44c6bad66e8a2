import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A connection COPY can run on: one session, never the pool (a temporary table is per session). */
export type CopyClient = Pick<pg.PoolClient, "query">;

/** Sends COPY text (lines of copy-text.ts) through `COPY … FROM STDIN`; returns the rows loaded. */
export async function copyIn(client: CopyClient, sql: string, text: string): Promise<number> {
  const stream = client.query(copyFrom(sql));
  stream.end(text);
  await finished(stream);
  return stream.rowCount;
}
