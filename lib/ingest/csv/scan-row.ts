import type { ByteReader } from "../byte-reader";
import type { Sink } from "../capture";
import { IngestError } from "../ingest-error";
import { NEWLINE, QUOTE } from "../json-scan";

/**
 * Consumes one CSV row (RFC 4180: a line end inside quotes belongs to the cell), handing its
 * bytes without the final newline to `sink`. Doubled quotes toggle twice, so counting quotes is
 * enough to know whether a newline ends the row. Returns false when the input had already
 * ended; throws when it ends inside a quoted cell, which means the file was cut off.
 */
export async function scanCsvRow(reader: ByteReader, sink: Sink): Promise<boolean> {
  if (!(await reader.fill())) return false;
  const startLine = reader.line;
  let inQuotes = false;
  for (;;) {
    const { buf } = reader;
    const from = reader.pos;
    let i = from;
    let lines = 0;
    for (; i < buf.length; i++) {
      const byte = buf[i] as number;
      if (byte === QUOTE) inQuotes = !inQuotes;
      else if (byte === NEWLINE) {
        if (!inQuotes) break;
        lines += 1;
      }
    }
    sink.add(buf.subarray(from, i));
    reader.line += lines;
    if (i < buf.length) {
      reader.pos = i + 1;
      reader.line += 1;
      return true;
    }
    reader.pos = i;
    if (!(await reader.fill())) {
      if (inQuotes) throw cutInsideQuotes(startLine);
      return true;
    }
  }
}

function cutInsideQuotes(line: number): IngestError {
  return new IngestError(
    "invalid_csv",
    `The file ends inside a quoted cell of the row that starts on line ${line}: it looks ` +
      "truncated, so nothing was imported.",
  );
}
