import { db } from "../db/client";

/** A stored event's raw record, exactly as received, or null when there is no such event. */
export async function getEventRaw(id: bigint): Promise<string | null> {
  const found = await db().event.findFirst({ where: { id }, select: { raw: true } });
  return found?.raw ?? null;
}
