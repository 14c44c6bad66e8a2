import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { UploadedFile } from "../ingest/uploaded-file";

/** Expands files and folders (recursively, in name order) into the files to ingest. */
export async function* filesFromPaths(paths: readonly string[]): AsyncGenerator<UploadedFile> {
  for (const given of paths) {
    const info = await stat(given);
    if (info.isDirectory()) {
      const entries = (await readdir(given)).sort();
      yield* filesFromPaths(entries.map((entry) => path.join(given, entry)));
    } else if (info.isFile()) {
      yield { name: given, stream: lazyFileStream(given), path: given, size: info.size };
    }
  }
}

/** Opens the file only when it is first read: a zip read in place never opens this stream. */
async function* lazyFileStream(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file)) yield chunk as Uint8Array;
}
