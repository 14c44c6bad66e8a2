import { z } from "zod";
import { db } from "../db/client";

/** Everything the source delivered up to `through` is stored. */
export const Checkpoint = z.object({ through: z.iso.datetime() });
export type Checkpoint = z.infer<typeof Checkpoint>;

/** A stored checkpoint, or null when the source has none yet (or an unreadable one). */
export function readCheckpoint(value: unknown): Checkpoint | null {
  const parsed = Checkpoint.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Where a run starts reading: the checkpoint less the look-back (late deliveries land behind
 * it; what is read twice is stored once), never before the source's start.
 */
export function readFrom(
  settings: { startFrom: string; lookbackMinutes: number },
  checkpoint: Checkpoint | null,
): Date {
  const start = new Date(settings.startFrom);
  if (!checkpoint) return start;
  const back = new Date(checkpoint.through).getTime() - settings.lookbackMinutes * 60_000;
  return new Date(Math.max(start.getTime(), back));
}

/**
 * Moves the checkpoint forward. Called only after everything up to `through` is stored; never
 * moves it back, so a slower run finishing late cannot undo a newer one's progress.
 */
export async function saveCheckpoint(sourceId: string, through: Date): Promise<void> {
  const source = await db().pullSource.findUnique({
    where: { id: sourceId },
    select: { checkpoint: true },
  });
  const current = readCheckpoint(source?.checkpoint);
  if (current && new Date(current.through).getTime() >= through.getTime()) return;
  await db().pullSource.update({
    where: { id: sourceId },
    data: { checkpoint: { through: through.toISOString() } },
  });
}

/** Consecutive windows of at most `maxMs` covering [start, end]. */
export function windows(start: Date, end: Date, maxMs: number): { start: Date; end: Date }[] {
  const result: { start: Date; end: Date }[] = [];
  let from = start.getTime();
  const to = end.getTime();
  while (from < to) {
    const until = Math.min(from + maxMs, to);
    result.push({ start: new Date(from), end: new Date(until) });
    from = until;
  }
  return result;
}
