import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { UploadedFile } from "../ingest/pipeline";

/** Expands files and folders (recursively, in name order) into the files to ingest. */
export async function* filesFromPaths(paths: readonly string[]): AsyncGenerator<UploadedFile> {
  for (const given of paths) {
    const info = await stat(given);
    if (info.isDirectory()) {
      const entries = (await readdir(given)).sort();
      yield* filesFromPaths(entries.map((entry) => path.join(given, entry)));
    } else if (info.isFile()) {
      yield { name: given, stream: createReadStream(given) };
    }
  }
}
