import { open } from "node:fs/promises";
import { decompress, peekHead } from "../decompress";
import { IngestError } from "../ingest-error";
import type { UploadedFile } from "../uploaded-file";
import { type ArchiveMember, isPlatformMetadata } from "./archive-member";
import { spoolToDisk } from "./spool";
import { tarMembers } from "./tar";
import { zipMembers } from "./zip";

/** A log file ready to open: its bytes with gzip layers removed, and how many there were. */
export interface LogSource {
  name: string;
  bytes: AsyncIterable<Uint8Array>;
  gzipLayers: number;
  /** A member of an archive (zip or tar), whatever its own compression. */
  packed: boolean;
  sizeBytes: number | null;
  /** Bytes read so far of the file as it was uploaded or sat in its archive. */
  counter: { bytes: number };
}

export type Expanded =
  | { kind: "file"; source: LogSource }
  | { kind: "failed"; name: string; error: unknown; counter: { bytes: number } };

export interface ExpandOptions {
  /** Largest zip archive spooled to disk (its members are judged when they are read). */
  maxFileBytes: number;
}

// Archives inside archives are unpacked this deep; a deeper one is refused by the reader.
const MAX_DEPTH = 3;
// A bound on the file results of one archive, so a zip of a million empty entries cannot
// flood the job's history; real CloudTrail hand-overs hold thousands of files, not millions.
const MAX_MEMBERS = 100_000;
const HEAD_BYTES = 262;

type ArchiveKind = "zip" | "tar";

/**
 * The log files in an upload: the upload itself, or each member of a zip or tar archive
 * (gzip-compressed at any level), named `archive.zip/inner/path.json`. A member that is itself
 * an archive is unpacked in turn. An archive that cannot be read becomes one failed entry.
 */
export async function* expandUpload(
  upload: UploadedFile,
  options: ExpandOptions,
  depth = 0,
): AsyncGenerator<Expanded> {
  if (upload.path !== undefined && depth === 0 && (await isZipOnDisk(upload.path))) {
    yield* archiveMembers(
      upload.name,
      "zip",
      () => zipMembers(upload.path as string),
      options,
      depth,
    );
    return;
  }
  const counter = { bytes: 0 };
  const counted = countBytes(upload.stream, counter);
  let bytes: AsyncIterable<Uint8Array>;
  let gzipLayers: number;
  let kind: ArchiveKind | null;
  try {
    const decompressed = await decompress(counted);
    const peeked = await peekHead(decompressed.bytes, HEAD_BYTES);
    bytes = peeked.bytes;
    gzipLayers = decompressed.gzipLayers;
    kind = depth < MAX_DEPTH ? archiveKind(peeked.head) : null;
  } catch (error) {
    // Lets the source close its stream (a file opened for this upload).
    await counted.return(undefined).catch(() => undefined);
    yield { kind: "failed", name: upload.name, error, counter };
    return;
  }

  if (kind === null) {
    const sizeBytes = upload.size ?? null;
    const packed = depth > 0;
    const source = { name: upload.name, bytes, gzipLayers, packed, sizeBytes, counter };
    yield { kind: "file", source };
  } else if (kind === "tar") {
    yield* archiveMembers(upload.name, kind, () => tarMembers(bytes), options, depth);
  } else {
    yield* spooledZip(upload.name, bytes, options, depth);
  }
}

async function* spooledZip(
  name: string,
  bytes: AsyncIterable<Uint8Array>,
  options: ExpandOptions,
  depth: number,
): AsyncGenerator<Expanded> {
  let spooled: Awaited<ReturnType<typeof spoolToDisk>>;
  try {
    spooled = await spoolToDisk(bytes, options.maxFileBytes);
  } catch (error) {
    yield { kind: "failed", name, error, counter: { bytes: 0 } };
    return;
  }
  try {
    yield* archiveMembers(name, "zip", () => zipMembers(spooled.path), options, depth);
  } finally {
    await spooled.remove();
  }
}

/** Each member as its own upload; a fault of the archive itself ends it with a failed entry. */
async function* archiveMembers(
  archiveName: string,
  kind: ArchiveKind,
  members: () => AsyncGenerator<ArchiveMember>,
  options: ExpandOptions,
  depth: number,
): AsyncGenerator<Expanded> {
  let count = 0;
  try {
    for await (const member of members()) {
      if (isPlatformMetadata(member.name)) continue;
      count += 1;
      if (count > MAX_MEMBERS) {
        yield { kind: "failed", name: archiveName, error: tooMany(kind), counter: { bytes: 0 } };
        return;
      }
      const upload = {
        name: `${archiveName}/${member.name}`,
        stream: member.bytes,
        size: member.size,
      };
      yield* expandUpload(upload, options, depth + 1);
    }
  } catch (error) {
    yield { kind: "failed", name: archiveName, error, counter: { bytes: 0 } };
  }
}

function archiveKind(head: Uint8Array): ArchiveKind | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === "PK\u0003\u0004" || ascii(0, 4) === "PK\u0005\u0006") return "zip";
  if (ascii(257, 262) === "ustar") return "tar";
  return null;
}

async function isZipOnDisk(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return archiveKind(head.subarray(0, bytesRead)) === "zip";
  } finally {
    await handle.close();
  }
}

/** The source's bytes, counted into `counter` as they pass. */
export async function* countBytes(source: AsyncIterable<Uint8Array>, counter: { bytes: number }) {
  for await (const chunk of source) {
    counter.bytes += chunk.byteLength;
    yield chunk;
  }
}

function tooMany(kind: ArchiveKind): IngestError {
  return new IngestError(
    "unsupported_shape",
    `The ${kind} archive holds more than ${MAX_MEMBERS} files; the rest were not read. ` +
      "Split it into smaller archives.",
  );
}
