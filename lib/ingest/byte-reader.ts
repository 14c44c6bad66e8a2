import { describeBytes, IngestError } from "./ingest-error";

const EMPTY = new Uint8Array(0);
const NEWLINE = 0x0a;

export interface ReaderLimits {
  /** Most decompressed bytes one file may hold. */
  maxFileBytes: number;
  /** The bytes came out of gzip or an archive: the limit message says it counts them unpacked. */
  decompressed?: boolean;
}

/**
 * Pull-based cursor over a byte stream for the scanners: they read `buf` from `pos` in tight
 * loops and call `fill` at the end of a chunk. Tracks the absolute offset and the line number
 * (scanners add the newlines they pass). Only the current chunk is held.
 */
export class ByteReader {
  buf: Uint8Array = EMPTY;
  pos = 0;
  line = 1;
  private bufStart = 0;
  private ended = false;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private readonly limits: ReaderLimits;

  constructor(source: AsyncIterable<Uint8Array>, limits: ReaderLimits) {
    this.chunks = source[Symbol.asyncIterator]();
    this.limits = limits;
  }

  /** Absolute offset of the next unread byte. */
  get offset(): number {
    return this.bufStart + this.pos;
  }

  /** Makes at least one unread byte available; false at the end of the input. */
  async fill(): Promise<boolean> {
    while (this.pos >= this.buf.length) {
      const next = await this.nextChunk();
      if (next === null) return false;
      this.bufStart += this.buf.length;
      this.buf = next;
      this.pos = 0;
    }
    return true;
  }

  /** The next byte without consuming it, or null at the end. */
  async peek(): Promise<number | null> {
    return (await this.fill()) ? (this.buf[this.pos] as number) : null;
  }

  /** Consumes one byte the caller has peeked. */
  advance(): void {
    if (this.buf[this.pos] === NEWLINE) this.line += 1;
    this.pos += 1;
  }

  /**
   * Makes `count` unread bytes contiguous in `buf` (fewer at the end of the input) and returns
   * how many there are. Used only for short look-aheads: a byte-order mark, a sniff.
   */
  async ensure(count: number): Promise<number> {
    while (this.buf.length - this.pos < count) {
      const next = await this.nextChunk();
      if (next === null) break;
      const rest = this.buf.subarray(this.pos);
      const merged = new Uint8Array(rest.length + next.length);
      merged.set(rest, 0);
      merged.set(next, rest.length);
      this.bufStart += this.pos;
      this.buf = merged;
      this.pos = 0;
    }
    return Math.min(count, this.buf.length - this.pos);
  }

  /** Stops reading the source early (a consumer that gave up), releasing its stream. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.chunks.return?.();
  }

  private async nextChunk(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    let result: IteratorResult<Uint8Array>;
    try {
      result = await this.chunks.next();
    } catch (error) {
      if (error instanceof IngestError) throw error;
      throw new IngestError(
        "read_failed",
        `The file could not be read to the end (stopped after ${describeBytes(this.offset)}).`,
        { cause: error },
      );
    }
    if (result.done) {
      this.ended = true;
      return null;
    }
    const total = this.bufStart + this.buf.length + result.value.length;
    if (total > this.limits.maxFileBytes) {
      const limit = describeBytes(this.limits.maxFileBytes);
      const held = this.limits.decompressed
        ? `holds more than ${limit} once decompressed, over the limit for one file ` +
          "(judged on uncompressed bytes)"
        : `is larger than ${limit}, the limit for one file`;
      throw new IngestError("file_too_large", `The file ${held}. Split it and upload the parts.`);
    }
    return result.value;
  }
}
