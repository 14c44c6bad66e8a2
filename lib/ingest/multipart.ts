import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";
import { AppError } from "../errors";
import type { UploadedFile } from "./pipeline";

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
}

/**
 * Streams the files of a multipart/form-data body one at a time, as they arrive: nothing is
 * buffered beyond what the parser holds, and each file must be read before the next one comes.
 */
export async function* multipartFiles(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  limits: UploadLimits,
): AsyncGenerator<UploadedFile> {
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: 20 },
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

  parser.on("file", (_field, stream, info) => {
    const name = info.filename || "unnamed file";
    push({ name, stream: limitedStream(stream, name, limits.maxFileBytes) });
  });
  parser.on("filesLimit", () =>
    push(new AppError("payload_too_large", `Upload at most ${limits.maxFiles} files at once.`)),
  );
  parser.on("error", (cause) =>
    push(new AppError("bad_request", "The upload was malformed or cut off.", { cause })),
  );
  parser.on("close", () => push(null));
  Readable.fromWeb(body as WebReadableStream<Uint8Array>).pipe(parser);

  for (;;) {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const item = queue.shift();
    if (item === null || item === undefined) return;
    if (item instanceof Error) throw item;
    yield item;
  }
}

async function* limitedStream(
  stream: Readable & { truncated?: boolean },
  name: string,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield chunk as Uint8Array;
  if (stream.truncated) {
    throw new AppError(
      "payload_too_large",
      `${name} is larger than the upload limit of ${maxBytes} bytes; it was not stored.`,
    );
  }
}
