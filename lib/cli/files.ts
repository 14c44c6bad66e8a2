import { createReadStream } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { IngestError } from "../ingest/ingest-error";
import type { UploadedFile } from "../ingest/uploaded-file";

/**
 * Expands files and folders (recursively, in name order) into the files to ingest. Links are
 * followed, but no real folder is read twice (a link loop ends there). A path that cannot be
 * read (missing, a link to nothing, a folder that cannot be listed) becomes one failed file, and
 * the others are still read.
 */
export async function* filesFromPaths(paths: readonly string[]): AsyncGenerator<UploadedFile> {
  yield* expand(paths, new Set<string>());
}

async function* expand(paths: readonly string[], seen: Set<string>): AsyncGenerator<UploadedFile> {
  for (const given of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(given);
    } catch (error) {
      yield unreadable(given, await whyUnreadable(given, error));
      continue;
    }
    if (info.isDirectory()) {
      let entries: string[];
      try {
        const real = await realpath(given);
        if (seen.has(real)) continue;
        seen.add(real);
        entries = (await readdir(given)).sort();
      } catch (error) {
        yield unreadable(given, await whyUnreadable(given, error));
        continue;
      }
      yield* expand(
        entries.map((entry) => path.join(given, entry)),
        seen,
      );
    } else if (info.isFile()) {
      yield { name: given, stream: lazyFileStream(given), path: given, size: info.size };
    }
  }
}

/** A failed file: reading it throws the reason, which the pipeline records as its result. */
function unreadable(name: string, reason: string): UploadedFile {
  return { name, stream: failing(new IngestError("read_failed", reason)) };
}

// biome-ignore lint/correctness/useYield: a stream that fails when first read
async function* failing(error: Error): AsyncGenerator<Uint8Array> {
  throw error;
}

async function whyUnreadable(given: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  const isLink = await lstat(given).then(
    (info) => info.isSymbolicLink(),
    () => false,
  );
  if (isLink && (code === "ENOENT" || code === "ELOOP")) {
    return code === "ELOOP"
      ? "The path is a link that leads back to itself (a link loop)."
      : "The path is a link to a file or folder that does not exist.";
  }
  if (code === "ENOENT" || code === "ENOTDIR") return "No such file or folder.";
  if (code === "EACCES" || code === "EPERM")
    return "Permission denied: the file could not be read.";
  return "The file or folder could not be read.";
}

/** Opens the file only when it is first read: a zip read in place never opens this stream. */
async function* lazyFileStream(file: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(file)) yield chunk as Uint8Array;
}
