import { SOURCE_TABLES } from "../../events/types";
import type { DateOrder } from "../../normalize/locale-date";
import {
  buildRecord,
  type FileRecord,
  type ParsedElement,
  type RecordPosition,
} from "../build-record";
import type { ByteReader } from "../byte-reader";
import { Capture } from "../capture";
import { describeBytes, IngestError } from "../ingest-error";
import type { LogFile } from "../log-file";
import { labelled } from "../shapes";
import { replacedInvalidUtf8 } from "../utf8";
import { DateOrderJudge } from "./date-order";
import { type CsvHeader, readHeader } from "./header";
import { scanCsvRow } from "./scan-row";
import { splitCells } from "./split-cells";

export interface CsvOptions {
  maxRecordBytes: number;
  dateOrder: DateOrder | null;
}

// A stream cannot be read twice, so the rows that may settle the file's date order are held in
// memory until one does, within these bounds (documented in the README).
export const DATE_ORDER_ROWS = 10_000;
export const DATE_ORDER_BYTES = 32 * 1024 * 1024;

interface CsvRow {
  position: Required<RecordPosition>;
  /** The row's text, or null when it is longer than the record cap. */
  text: string | null;
  size: number;
  /** Bytes of the row that are not UTF-8 were read as U+FFFD. */
  utf8Replaced: boolean;
}

type ReadRow = { ok: true; cells: string[] } | { ok: false; reason: string };

const decoder = new TextDecoder("utf-8");

/**
 * Opens a Sentinel / Log Analytics CSV export (the reader is past any byte-order mark): the
 * header names the table and the date columns, each row becomes a record whose raw text is the
 * row as a JSON object of header name to cell, and locale dates are read in the file's order.
 */
export async function openCsv(
  reader: ByteReader,
  options: CsvOptions,
  gzipLayers: number,
): Promise<LogFile> {
  const rows = csvRows(reader, options.maxRecordBytes);
  const first = await rows.next();
  if (first.done) throw new IngestError("empty_file", "The file holds only white space.");
  if (first.value.text === null) {
    throw new IngestError("invalid_csv", "The CSV file's header row is too long to be a header.");
  }
  const header = readHeader(first.value.text);
  const judge = new DateOrderJudge(options.dateOrder);
  const held = await holdUntilDecided(rows, header, judge);

  async function* records(): AsyncGenerator<FileRecord> {
    try {
      for (const { row, read } of held) yield toRecord(row, read, header, judge);
      held.length = 0;
      for await (const row of rows) yield toRecord(row, readRow(row, header), header, judge);
    } finally {
      await reader.close();
    }
  }
  return { ...labelled("sentinel-export-csv", gzipLayers), records: records() };
}

/** Rows in order, blank lines skipped; the header is row 0, so data rows count from 1. */
async function* csvRows(reader: ByteReader, maxRecordBytes: number): AsyncGenerator<CsvRow> {
  let index = 0;
  for (;;) {
    const start = { line: reader.line, byteOffset: reader.offset };
    const capture = new Capture(maxRecordBytes);
    if (!(await scanCsvRow(reader, capture))) return;
    const bytes = capture.bytes();
    const text = bytes === null ? null : decoder.decode(bytes);
    if (text !== null && text.trim() === "") continue;
    const utf8Replaced = bytes !== null && text !== null && replacedInvalidUtf8(bytes, text);
    yield { position: { index, ...start }, text, size: capture.size, utf8Replaced };
    index += 1;
  }
}

/** Reads ahead, holding rows, until the date order is known or the bounds are reached. */
async function holdUntilDecided(
  rows: AsyncGenerator<CsvRow>,
  header: CsvHeader,
  judge: DateOrderJudge,
): Promise<{ row: CsvRow; read: ReadRow }[]> {
  const held: { row: CsvRow; read: ReadRow }[] = [];
  let bytes = 0;
  let ended = false;
  while (!judge.decided && held.length < DATE_ORDER_ROWS && bytes < DATE_ORDER_BYTES) {
    const next = await rows.next();
    if (next.done) {
      ended = true;
      break;
    }
    const read = readRow(next.value, header);
    held.push({ row: next.value, read });
    bytes += next.value.size;
    if (!read.ok) continue;
    for (const i of header.dateColumns) judge.observe(read.cells[i] ?? "", where(next.value));
  }
  judge.requireDecision(
    ended ? "the file's other rows" : `its first ${held.length} rows (as many as Tripline holds)`,
  );
  return held;
}

function readRow(row: CsvRow, header: CsvHeader): ReadRow {
  if (row.text === null) {
    return {
      ok: false,
      reason: `The row is ${describeBytes(row.size)}, over the limit for one record.`,
    };
  }
  const split = splitCells(row.text, header.delimiter);
  if (!split.ok) return { ok: false, reason: `The row is not valid CSV: ${split.reason}.` };
  if (split.cells.length !== header.names.length) {
    return {
      ok: false,
      reason:
        `The row has ${split.cells.length} cells but the header has ${header.names.length} ` +
        "columns.",
    };
  }
  return split;
}

function toRecord(
  row: CsvRow,
  read: ReadRow,
  header: CsvHeader,
  judge: DateOrderJudge,
): FileRecord {
  if (!read.ok) return buildRecord(row.position, read);
  const original = new Map<string, string>();
  const value = new Map<string, string>();
  header.names.forEach((name, i) => {
    const cell = read.cells[i] ?? "";
    if (!original.has(name)) original.set(name, cell);
    const column = header.columns[i] ?? name;
    // Kusto strings are never null: an empty cell is an absent value.
    if (cell === "" || value.has(column)) return;
    value.set(column, header.dateColumns.has(i) ? judge.convert(cell, where(row)) : cell);
  });

  const named = value.get("$table") ?? value.get("Type");
  if (named !== undefined && !SOURCE_TABLES.some((t) => t === named)) {
    return buildRecord(row.position, {
      ok: false,
      reason: `The row belongs to the ${named} table, which Tripline does not read.`,
    });
  }
  if (named === undefined && header.table !== null) value.set("Type", header.table);
  // Object.fromEntries defines own keys: a "__proto__" column stays a column.
  const text = JSON.stringify(Object.fromEntries(original));
  const values = Object.fromEntries(value);
  const parsed: ParsedElement = { ok: true, text, value: values, utf8Replaced: row.utf8Replaced };
  return buildRecord(row.position, parsed);
}

function where(row: CsvRow): string {
  return `row ${row.position.index}, line ${row.position.line}`;
}
