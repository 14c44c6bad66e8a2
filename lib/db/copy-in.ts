import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A connection COPY can run on: one session, never the pool (a temporary table is per session). */
export type CopyClient = Pick<pg.PoolClient, "query">;

/**
 * Sends COPY data through `COPY … FROM STDIN`: text lines (copy-text.ts) or the pieces of a
 * binary stream (copy-binary.ts). Returns the rows loaded.
 */
export async function copyIn(
  client: CopyClient,
  sql: string,
  data: string | readonly Uint8Array[],
): Promise<number> {
  const stream = client.query(copyFrom(sql));
  if (typeof data === "string") stream.end(data);
  else {
    for (const piece of data) stream.write(piece);
    stream.end();
  }
  await finished(stream);
  return stream.rowCount;
}
