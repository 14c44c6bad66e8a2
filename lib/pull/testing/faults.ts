import type { ServerResponse } from "node:http";

/** An error answer a test double gives instead of its normal one. */
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * Error answers queued for the next requests that match: each is served once, in order, then the
 * double answers normally again.
 */
export class FaultQueue<Match = string> {
  private readonly queue: { fault: Fault; match: (target: Match) => boolean }[] = [];

  add(fault: Fault, match: (target: Match) => boolean = () => true, times = 1): void {
    for (let i = 0; i < times; i += 1) this.queue.push({ fault, match });
  }

  /** Serves the first queued fault that matches `target`; false when none does. */
  serve(target: Match, res: ServerResponse): boolean {
    const index = this.queue.findIndex((entry) => entry.match(target));
    if (index < 0) return false;
    const [entry] = this.queue.splice(index, 1);
    if (!entry) return false;
    res.writeHead(entry.fault.status, {
      "content-type": "application/json",
      ...entry.fault.headers,
    });
    res.end(entry.fault.body ?? JSON.stringify({ error: { code: `Fault${entry.fault.status}` } }));
    return true;
  }

  get pending(): number {
    return this.queue.length;
  }
}
