import { claimRateSlot } from "./rate-slot-store";
import { sleep } from "./retry";

// Earliest next start per key, shared by every run in this process.
const nextSlot = new Map<string, number>();

/**
 * Runs `call` no sooner than `intervalMs` after the previous call with the same key (a service's
 * documented rate limit). In this process the gap counts from the previous call's end, which
 * keeps the requests' arrival at the service that far apart whatever the connection's latency;
 * across processes on one database (several servers, the CLI) each call also claims a start
 * slot in PostgreSQL, spaced by the same interval.
 */
export async function paced<T>(
  key: string,
  intervalMs: number,
  signal: AbortSignal,
  call: () => Promise<T>,
): Promise<T> {
  const now = Date.now();
  const slot = Math.max(now, nextSlot.get(key) ?? 0);
  nextSlot.set(key, slot + intervalMs);
  if (slot > now) await sleep(slot - now, signal);
  const shared = await claimRateSlot(key, intervalMs);
  if (shared > 0) await sleep(shared, signal);
  try {
    return await call();
  } finally {
    nextSlot.set(key, Math.max(nextSlot.get(key) ?? 0, Date.now() + intervalMs));
  }
}
