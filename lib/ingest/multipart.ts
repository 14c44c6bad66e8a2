import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { AppError } from "../errors";
import type { UploadedFile } from "./uploaded-file";

export interface UploadLimits {
  maxFiles: number;
  /** How long a body whose client went away may stay silent before the upload is cut off. */
  abortGraceMs?: number;
}

// After the browser goes away, bytes it sent may still wait in the server's buffers (the reader
// is slower than the network): they are read to the end. Only a body that stays silent, with
// nothing left to read, for this long is cut off.
const ABORT_GRACE_MS = 5000;
// The body is read off the connection up to this far ahead of the parser: a browser that leaves
// once it has sent everything (to follow the job on its own page) resets the connection, and
// bytes still waiting in the network buffers then would be lost. Bounded, so memory stays flat.
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

/**
 * Streams the files of a multipart/form-data body one at a time, as they arrive: nothing is
 * buffered beyond what the parser holds, and each file must be read before the next one comes
 * (what a reader leaves unread is discarded). File sizes are not limited here: the limit is
 * judged on uncompressed bytes when each file (or archive member) is read. `signal` is the
 * request's: a client that goes away mid-upload ends the upload with an error, and so does a
 * body without any file.
 */
export async function* multipartFiles(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  limits: UploadLimits,
  signal?: AbortSignal,
): AsyncGenerator<UploadedFile> {
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: { files: limits.maxFiles, fields: 20 },
    });
  } catch (cause) {
    throw new AppError("bad_request", "Send the files as multipart/form-data.", { cause });
  }

  const queue: (UploadedFile | Error | null)[] = [];
  let wake: (() => void) | null = null;
  const push = (item: UploadedFile | Error | null): void => {
    queue.push(item);
    wake?.();
  };

  let current: Readable | null = null;
  parser.on("file", (_field, stream, info) => {
    current = stream;
    // A body cut off in this part errors the part too; once its reader has stopped, nothing
    // else listens, and an unheard stream error would end the process. The parser's own error
    // (below) reports it.
    stream.on("error", () => undefined);
    push({ name: info.filename || "unnamed file", stream: partBytes(stream) });
  });
  parser.on("filesLimit", () =>
    push(new AppError("payload_too_large", `Upload at most ${limits.maxFiles} files at once.`)),
  );
  parser.on("error", (cause) =>
    push(new AppError("bad_request", "The upload was malformed or cut off.", { cause })),
  );
  parser.on("close", () => push(null));
  const received = { bytes: 0 };
  const input = Readable.from(counted(body, received), {
    objectMode: false,
    highWaterMark: READ_AHEAD_BYTES,
  });
  input.pipe(parser);

  // A browser that goes away mid-upload (a reload, a closed tab) leaves a body that never ends,
  // or one that fails when its connection is reset: either way the part being read and the
  // upload fail, so the file's transaction is rolled back and the job ends.
  let cut = false;
  const cutOff = (): void => {
    if (cut) return;
    cut = true;
    const error = new AppError(
      "bad_request",
      "The upload was cut off: the browser stopped sending.",
    );
    (current as Readable | null)?.destroy(error);
    input.unpipe(parser);
    input.destroy();
    push(error);
  };
  input.on("error", cutOff);
  let watchdog: NodeJS.Timeout | null = null;
  const stopWatching = (): void => {
    if (watchdog !== null) clearInterval(watchdog);
    watchdog = null;
  };
  const onAbort = (): void => {
    let seen = -1;
    watchdog = setInterval(() => {
      if (input.readableEnded || input.destroyed) stopWatching();
      else if (received.bytes === seen && input.readableLength === 0) {
        stopWatching();
        cutOff();
      }
      seen = received.bytes;
    }, limits.abortGraceMs ?? ABORT_GRACE_MS);
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener("abort", onAbort, { once: true });

  let yielded = 0;
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const item = queue.shift();
      if (item === null || item === undefined) {
        if (yielded === 0) throw new AppError("bad_request", "No files in the upload.");
        return;
      }
      if (item instanceof Error) throw item;
      yielded += 1;
      yield item;
      // Busboy holds the next part until this one is consumed; read what the reader left.
      for await (const _chunk of item.stream) {
        // discarded
      }
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    stopWatching();
  }
}

/** The body's chunks, counted as they arrive. */
async function* counted(body: ReadableStream<Uint8Array>, received: { bytes: number }) {
  for await (const chunk of body as WebReadableStream<Uint8Array>) {
    received.bytes += chunk.byteLength;
    yield chunk;
  }
}

/**
 * A part's bytes. A reader that stops early must not destroy the part (busboy would wait for
 * it forever): the rest is let through and dropped instead.
 */
async function* partBytes(stream: Readable): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
      yield chunk as Uint8Array;
    }
  } finally {
    stream.resume();
  }
}
