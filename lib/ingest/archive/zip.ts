import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { IngestError } from "../ingest-error";
import type { ArchiveMember } from "./archive-member";

/**
 * The files of a zip archive on disk, in directory order, each streamed and inflated. A zip's
 * directory sits at its end, so it needs a file, not a stream. A member that cannot be opened
 * (encrypted, an unsupported compression method) gives a stream that fails with the reason, so
 * that member fails alone.
 */
export async function* zipMembers(path: string): AsyncGenerator<ArchiveMember> {
  const zip = await openZip(path);
  // yauzl reports some faults as 'error' events; one with no listener would crash the process.
  const state: { error: Error | null } = { error: null };
  zip.on("error", (error: Error) => {
    state.error = error;
  });
  try {
    for (;;) {
      const entry = await nextEntry(zip, state);
      if (entry === null) return;
      if (entry.fileName.endsWith("/")) continue;
      const name = entry.fileName.replaceAll("\u0000", "\ufffd");
      yield { name, size: entry.uncompressedSize, bytes: entryBytes(zip, entry) };
    }
  } finally {
    zip.close();
  }
}

async function openZip(path: string): Promise<yauzl.ZipFile> {
  try {
    return await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: true,
      // Member names are only shown, never used as paths on disk.
      strictFileNames: false,
    });
  } catch (error) {
    throw corrupt(error);
  }
}

function nextEntry(
  zip: yauzl.ZipFile,
  state: { error: Error | null },
): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    if (state.error !== null) {
      reject(corrupt(state.error));
      return;
    }
    const done = (): void => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (entry: yauzl.Entry): void => {
      done();
      resolve(entry);
    };
    const onEnd = (): void => {
      done();
      resolve(null);
    };
    const onError = (error: Error): void => {
      done();
      reject(corrupt(error));
    };
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}

async function* entryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Uint8Array> {
  if (entry.isEncrypted()) {
    throw new IngestError(
      "unsupported_shape",
      "The archive member is encrypted; unpack it with its password and upload the file itself.",
    );
  }
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw damagedMember(error);
  }
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw damagedMember(error);
  } finally {
    stream.destroy();
  }
}

function corrupt(cause: unknown): IngestError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new IngestError(
    "corrupt_archive",
    `The zip archive cannot be read (${detail}); it may be damaged or cut off.`,
    { cause },
  );
}

function damagedMember(cause: unknown): IngestError {
  if (cause instanceof IngestError) return cause;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new IngestError(
    "corrupt_archive",
    `The archive member cannot be unpacked (${detail}); nothing from it was imported.`,
    { cause },
  );
}
