import type { ByteReader } from "./byte-reader";
import { IngestError, quoteStart } from "./ingest-error";
import { OPEN_BRACE, OPEN_BRACKET, skipWhitespace } from "./json-scan";

const SNIFF_BYTES = 512;
// tar puts "ustar" at byte 257 of its first header.
const TAR_MAGIC_AT = 257;

export type TextFormat = "json" | "csv";

/**
 * Tells JSON from CSV in the decompressed bytes and moves past a UTF-8 byte-order mark (and,
 * for JSON, leading white space). Anything else (empty, an archive left packed, UTF-16, plain
 * text) is refused with a sentence that says what the file looks like.
 */
export async function sniffFormat(reader: ByteReader): Promise<TextFormat> {
  const available = await reader.ensure(SNIFF_BYTES);
  const head = reader.buf.subarray(reader.pos, reader.pos + available);
  if (available === 0) throw new IngestError("empty_file", "The file is empty.");
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) reader.pos += 3;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw unsupported("The file is UTF-16 text; save it as UTF-8 and upload it again.");
  }

  const archive = describeArchive(head);
  if (archive !== null) throw archive;
  const first = await skipWhitespace(reader, null);
  if (first === null) throw new IngestError("empty_file", "The file holds only white space.");
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return "json";
  // Judged only now: a JSON file with a stray control byte is JSON, refused record by record.
  // No text export starts with a control byte (a CSV header starts with a name or a quote).
  if (first < 0x20 || looksBinary(head)) {
    throw new IngestError(
      "unknown_shape",
      "The file is not a recognised log format: it holds binary data, not JSON or CSV text.",
    );
  }
  const firstLine = await readFirstLine(reader);
  if (/[,;\t]/.test(firstLine)) return "csv";
  throw new IngestError(
    "unknown_shape",
    `The file is neither JSON nor CSV (it starts "${quoteStart(firstLine)}"), ` +
      "so it is not a log export Tripline reads.",
  );
}

/** Archives are unpacked before a file is opened; one that reaches here was nested too deep. */
function describeArchive(head: Uint8Array): IngestError | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === "PK\u0003\u0004" || ascii(0, 4) === "PK\u0005\u0006") {
    return unsupported(
      "The file is a zip archive inside archives nested deeper than Tripline unpacks: " +
        "unpack it first.",
    );
  }
  if (ascii(TAR_MAGIC_AT, TAR_MAGIC_AT + 5) === "ustar") {
    return unsupported(
      "The file is a tar archive inside archives nested deeper than Tripline unpacks: " +
        "unpack it first.",
    );
  }
  return null;
}

/** The first line of what is left, without consuming it. */
async function readFirstLine(reader: ByteReader): Promise<string> {
  const available = await reader.ensure(SNIFF_BYTES);
  const head = reader.buf.subarray(reader.pos, reader.pos + available);
  return new TextDecoder().decode(head).split(/\r?\n/)[0] ?? "";
}

function unsupported(message: string): IngestError {
  return new IngestError("unsupported_shape", message);
}

// Text exports hold tabs and line breaks, and at most a stray other control byte or byte that is
// not UTF-8 (a damaged export still reads); past this share of the head the file is binary (or
// UTF-16 without a BOM).
const BINARY_SHARE = 0.05;

function looksBinary(head: Uint8Array): boolean {
  const text = new TextDecoder().decode(head);
  let odd = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) {
      odd += 1;
    }
  }
  return odd > text.length * BINARY_SHARE;
}
