/** Receives the bytes a scanner passes over. */
export interface Sink {
  add(bytes: Uint8Array): void;
}

/**
 * Keeps the bytes of one record up to a cap. Past the cap it drops them and only counts, so an
 * oversize record costs no memory and can still be reported with its size.
 */
export class Capture implements Sink {
  size = 0;
  private parts: Uint8Array[] = [];
  private readonly cap: number;

  constructor(cap: number) {
    this.cap = cap;
  }

  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.size += bytes.length;
    if (this.size > this.cap) {
      this.parts = [];
      return;
    }
    this.parts.push(bytes);
  }

  get overflowed(): boolean {
    return this.size > this.cap;
  }

  /** The captured bytes in one piece, or null when the cap was passed. */
  bytes(): Uint8Array | null {
    if (this.overflowed) return null;
    if (this.parts.length === 1) return this.parts[0] as Uint8Array;
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Hands the same bytes to two sinks (a key's own capture and its object's). */
export function tee(first: Sink | null, second: Sink): Sink {
  if (first === null) return second;
  return {
    add(bytes) {
      first.add(bytes);
      second.add(bytes);
    },
  };
}
