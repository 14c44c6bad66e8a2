import { sleep } from "./retry";

// Earliest next start per key, shared by every run in this process.
const nextSlot = new Map<string, number>();

/**
 * Runs `call` no sooner than `intervalMs` after the previous call with the same key ended (a
 * service's documented rate limit). Counting from the end, not the start, keeps the requests'
 * arrival at the service that far apart whatever the connection's latency. Holds within one
 * process; several servers on one account meet the service's throttling, which is retried.
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
  try {
    return await call();
  } finally {
    nextSlot.set(key, Math.max(nextSlot.get(key) ?? 0, Date.now() + intervalMs));
  }
}
