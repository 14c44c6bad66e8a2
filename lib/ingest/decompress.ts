import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { describeBytes, IngestError } from "./ingest-error";

// A file gzipped more than this many times is not a log export; stop peeling and let the
// content sniffing report what is left.
const MAX_GZIP_LAYERS = 3;
// zlib's default 16 KiB output chunks cost a stream round trip each and split one record in about
// ten across two chunks (which the splitter then joins); 64 KiB measured faster and still bounds
// what is held.
const GUNZIP_CHUNK_BYTES = 64 * 1024;

export interface Decompressed {
  bytes: AsyncIterable<Uint8Array>;
  /** How many gzip layers were removed (0 for a plain file). */
  gzipLayers: number;
}

/**
 * Removes gzip layers, decided by the magic bytes 1f 8b and never by the file name; a layer may
 * hold another. Streams: nothing is buffered beyond zlib's own window.
 */
export async function decompress(source: AsyncIterable<Uint8Array>): Promise<Decompressed> {
  let bytes = source;
  let gzipLayers = 0;
  for (;;) {
    const peeked = await peekHead(bytes, 2);
    bytes = peeked.bytes;
    const gzip = peeked.head[0] === 0x1f && peeked.head[1] === 0x8b;
    if (!gzip || gzipLayers === MAX_GZIP_LAYERS) return { bytes, gzipLayers };
    gzipLayers += 1;
    bytes = gunzip(bytes, gzipLayers);
  }
}

/** Reads until `count` bytes are known, and gives back a stream that still starts at byte 0. */
export async function peekHead(
  source: AsyncIterable<Uint8Array>,
  count: number,
): Promise<{ head: Uint8Array; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const held: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < count) {
    const next = await readFirst(iterator);
    if (next.done) {
      done = true;
      break;
    }
    held.push(next.value);
    size += next.value.length;
  }
  const head = new Uint8Array(Math.min(size, count));
  let at = 0;
  for (const chunk of held) {
    if (at >= head.length) break;
    const part = chunk.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      yield* held;
      while (!done) {
        const next = await iterator.next();
        done = next.done === true;
        if (!next.done) yield next.value;
      }
    } finally {
      // Reached early only when the reader stops: let the source release its stream.
      if (!done) await iterator.return?.();
    }
  }
  return { head, bytes: replay() };
}

async function readFirst(iterator: AsyncIterator<Uint8Array>): Promise<IteratorResult<Uint8Array>> {
  try {
    return await iterator.next();
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError("read_failed", "The file could not be read from its start.", {
      cause: error,
    });
  }
}

async function* gunzip(source: AsyncIterable<Uint8Array>, layer: number) {
  const counted = { compressed: 0, plain: 0 };
  async function* counting() {
    for await (const chunk of source) {
      counted.compressed += chunk.length;
      yield chunk;
    }
  }
  const input = Readable.from(counting(), { objectMode: false });
  const zlib = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  input.on("error", (error) => zlib.destroy(error));
  input.pipe(zlib);
  try {
    for await (const chunk of zlib) {
      const bytes = chunk as Uint8Array;
      counted.plain += bytes.length;
      yield bytes;
    }
  } catch (error) {
    throw gzipError(error, layer, counted);
  } finally {
    input.destroy();
    zlib.destroy();
    // Destroying tells the source to stop; waiting lets it release its own stream first.
    await finished(input).catch(() => undefined);
  }
}

function gzipError(
  error: unknown,
  layer: number,
  counted: { compressed: number; plain: number },
): unknown {
  if (error instanceof IngestError) return error;
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  if (!code.startsWith("Z_")) return error;
  const which = layer === 1 ? "The file" : `Gzip layer ${layer} inside the file`;
  const detail =
    code === "Z_BUF_ERROR"
      ? "the compressed data ends early"
      : `the compressed data is damaged (${error instanceof Error ? error.message : code})`;
  return new IngestError(
    "corrupt_gzip",
    `${which} is corrupt or truncated gzip: ${detail}, after ` +
      `${describeBytes(counted.compressed)} read (${describeBytes(counted.plain)} decompressed). ` +
      "Nothing from it was imported.",
    { cause: error },
  );
}
