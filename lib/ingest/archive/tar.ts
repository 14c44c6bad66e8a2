import { IngestError } from "../ingest-error";
import type { ArchiveMember } from "./archive-member";
import { ChunkReader } from "./chunk-reader";

const BLOCK = 512;
// pax and GNU long-name records hold a path or a few attributes, never megabytes.
const MAX_META_BYTES = 1024 * 1024;

interface TarHeader {
  name: string;
  size: number;
  type: string;
}

/**
 * The regular files of a tar stream (ustar, pax and GNU long names), in order, each streamed
 * from the archive without buffering. A member must be read or abandoned before the next one
 * is asked for; what is left of it is skipped. Directories, links and devices are passed over.
 */
export async function* tarMembers(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<ArchiveMember> {
  const reader = new ChunkReader(source);
  let pax = new Map<string, string>();
  let longName: string | null = null;
  for (;;) {
    const block = await reader.read(BLOCK);
    if (block.length === 0 || isZeroBlock(block)) return;
    if (block.length < BLOCK) throw corrupt("it ends inside a member's header");
    const header = parseHeader(block);
    const meta = header.type === "x" || header.type === "g" || header.type === "L";
    const size = meta ? header.size : Number(pax.get("size") ?? header.size);
    if (!Number.isSafeInteger(size) || size < 0) throw corrupt("a member's size is not a number");
    const padding = (BLOCK - (size % BLOCK)) % BLOCK;

    if (meta) {
      const text = new TextDecoder().decode(await readMeta(reader, size, padding));
      if (header.type === "x") pax = parsePax(text);
      if (header.type === "L") longName = text.replace(/\0+$/, "");
      continue;
    }
    const name = pax.get("path") ?? longName ?? header.name;
    pax = new Map();
    longName = null;
    if (!isRegularFile(header.type)) {
      if (!(await reader.skip(size + padding))) throw corrupt(`it ends inside "${name}"`);
      continue;
    }

    const progress = { taken: 0 };
    yield { name, size, bytes: memberBytes(reader, size, progress, name) };
    const left = size - progress.taken;
    if (!(await reader.skip(left + padding))) throw corrupt(`it ends inside "${name}"`);
  }
}

async function* memberBytes(
  reader: ChunkReader,
  size: number,
  progress: { taken: number },
  name: string,
): AsyncGenerator<Uint8Array> {
  yield* reader.take(size, progress);
  if (progress.taken < size) throw corrupt(`it ends inside "${name}"`);
}

async function readMeta(reader: ChunkReader, size: number, padding: number): Promise<Uint8Array> {
  if (size > MAX_META_BYTES) throw corrupt("a member's extended header is implausibly large");
  const bytes = await reader.read(size);
  if (bytes.length < size || !(await reader.skip(padding))) {
    throw corrupt("it ends inside a member's extended header");
  }
  return bytes;
}

function parseHeader(block: Uint8Array): TarHeader {
  if (!checksumMatches(block)) throw corrupt("a member header's checksum does not match");
  const ustar = text(block, 257, 263) === "ustar";
  const prefix = ustar && block[263] === 0x30 ? text(block, 345, 500) : "";
  const name = text(block, 0, 100);
  return {
    name: prefix === "" ? name : `${prefix}/${name}`,
    size: readSize(block.subarray(124, 136)),
    type: String.fromCharCode(block[156] ?? 0),
  };
}

/** Regular files: "0", and NUL from tars older than ustar; "7" is a contiguous file. */
function isRegularFile(type: string): boolean {
  return type === "0" || type === "\0" || type === "7";
}

/** Octal text, or base-256 (high bit set) for members of 8 GiB and more. */
function readSize(field: Uint8Array): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (const byte of field.subarray(1)) value = value * 256 + byte;
    return value;
  }
  const digits = text(field, 0, field.length).trim();
  if (!/^[0-7]*$/.test(digits)) throw corrupt("a member header's size is not a number");
  return digits === "" ? 0 : Number.parseInt(digits, 8);
}

/** The header's sum with its checksum field read as spaces; old tars summed signed bytes. */
function checksumMatches(block: Uint8Array): boolean {
  const stored = Number.parseInt(text(block, 148, 156).trim() || "x", 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] as number);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** pax records: "<length> <key>=<value>\n", repeated. */
function parsePax(body: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (match?.[1] !== undefined) values.set(match[1], match[2] ?? "");
  }
  return values;
}

function text(block: Uint8Array, from: number, to: number): string {
  const field = block.subarray(from, to);
  const end = field.indexOf(0);
  return new TextDecoder().decode(end < 0 ? field : field.subarray(0, end));
}

function isZeroBlock(block: Uint8Array): boolean {
  return block.every((byte) => byte === 0);
}

function corrupt(detail: string): IngestError {
  return new IngestError(
    "corrupt_archive",
    `The tar archive is damaged or cut off: ${detail}. Members before that point were read.`,
  );
}
