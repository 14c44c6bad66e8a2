const EMPTY = new Uint8Array(0);

/**
 * Sequential reads of exact lengths over a byte stream, for container formats whose headers
 * give the length of what follows (tar). Holds one chunk at a time.
 */
export class ChunkReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private chunk: Uint8Array = EMPTY;
  private pos = 0;
  private ended = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Up to `count` bytes in one piece; fewer only at the end of the input. */
  async read(count: number): Promise<Uint8Array> {
    const out = new Uint8Array(count);
    let at = 0;
    for await (const part of this.take(count)) {
      out.set(part, at);
      at += part.length;
    }
    return at === count ? out : out.subarray(0, at);
  }

  /**
   * The next `count` bytes as a stream of chunk views, ending early only at the end of the
   * input. `progress.taken` says how many were handed out, so a caller that stops early knows
   * how many to skip.
   */
  async *take(count: number, progress = { taken: 0 }): AsyncGenerator<Uint8Array> {
    while (progress.taken < count) {
      if (!(await this.fill())) return;
      const size = Math.min(count - progress.taken, this.chunk.length - this.pos);
      const part = this.chunk.subarray(this.pos, this.pos + size);
      this.pos += size;
      progress.taken += size;
      yield part;
    }
  }

  /** Moves past `count` bytes; false when the input ended first. */
  async skip(count: number): Promise<boolean> {
    let left = count;
    while (left > 0) {
      if (!(await this.fill())) return false;
      const size = Math.min(left, this.chunk.length - this.pos);
      this.pos += size;
      left -= size;
    }
    return true;
  }

  private async fill(): Promise<boolean> {
    while (this.pos >= this.chunk.length) {
      if (this.ended) return false;
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      this.chunk = next.value;
      this.pos = 0;
    }
    return true;
  }
}
