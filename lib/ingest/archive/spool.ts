import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describeBytes, IngestError } from "../ingest-error";

export interface Spooled {
  path: string;
  /** Deletes the file and its folder; safe to call twice. */
  remove(): Promise<void>;
}

/**
 * Writes a stream to a private temporary file, for a format that must be read from its end (a
 * zip's directory). At most `maxBytes` are written: the disk use of one upload stays bounded.
 */
export async function spoolToDisk(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<Spooled> {
  const folder = await mkdtemp(path.join(tmpdir(), "tripline-archive-"));
  const remove = () => rm(folder, { recursive: true, force: true });
  const file = path.join(folder, "archive.zip");
  try {
    await pipeline(
      Readable.from(limited(source, maxBytes)),
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: file, remove };
}

async function* limited(source: AsyncIterable<Uint8Array>, maxBytes: number) {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new IngestError(
        "file_too_large",
        `The zip archive is larger than ${describeBytes(maxBytes)}, the limit for one file. ` +
          "Split it and upload the parts.",
      );
    }
    yield chunk;
  }
}
