import type { ByteReader } from "./byte-reader";
import { IngestError } from "./ingest-error";
import { OPEN_BRACE, OPEN_BRACKET, skipWhitespace } from "./json-scan";

const SNIFF_BYTES = 512;
// tar puts "ustar" at byte 257 of its first header.
const TAR_MAGIC_AT = 257;

/**
 * Checks that the decompressed bytes are JSON and moves past a UTF-8 byte-order mark and
 * leading white space. Anything else (empty, CSV, an archive, UTF-16) is refused with a
 * sentence that says what the file looks like.
 */
export async function sniffJson(reader: ByteReader): Promise<void> {
  const available = await reader.ensure(SNIFF_BYTES);
  const head = reader.buf.subarray(reader.pos, reader.pos + available);
  if (available === 0) throw new IngestError("empty_file", "The file is empty.");
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) reader.pos += 3;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw unsupported("The file is UTF-16 text; save it as UTF-8 and upload it again.");
  }

  const first = await skipWhitespace(reader, null);
  if (first === null) throw new IngestError("empty_file", "The file holds only white space.");
  if (first === OPEN_BRACE || first === OPEN_BRACKET) return;
  throw await describeNonJson(reader);
}

async function describeNonJson(reader: ByteReader): Promise<IngestError> {
  const available = await reader.ensure(TAR_MAGIC_AT + 5);
  const head = reader.buf.subarray(reader.pos, reader.pos + available);
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === "PK\u0003\u0004") {
    return unsupported("The file is a zip archive, which cannot be imported yet: unpack it first.");
  }
  if (ascii(TAR_MAGIC_AT, TAR_MAGIC_AT + 5) === "ustar") {
    return unsupported("The file is a tar archive, which cannot be imported yet: unpack it first.");
  }
  const firstLine = new TextDecoder().decode(head.subarray(0, SNIFF_BYTES)).split(/\r?\n/)[0] ?? "";
  if (firstLine.includes(",") || firstLine.includes("\t")) {
    return unsupported(
      `The file looks like CSV (it starts "${clip(firstLine)}"); CSV exports cannot be ` +
        "imported yet. Export the logs as JSON instead.",
    );
  }
  return new IngestError(
    "unknown_shape",
    `The file is not JSON (it starts "${clip(firstLine)}"), ` +
      "so it is not a log export Tripline reads.",
  );
}

function unsupported(message: string): IngestError {
  return new IngestError("unsupported_shape", message);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}...` : text;
}
