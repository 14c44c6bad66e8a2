// PostgreSQL's binary COPY format: a signature and header, then per row a 16-bit field count and
// per field a 32-bit byte length (-1 for null) and the value in the type's binary form, then a
// -1 trailer. Values go in as bytes: no escaping in JavaScript, no text parsing in the server.
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
const TRAILER = Buffer.from([0xff, 0xff]);
// Binary timestamps count microseconds from 2000-01-01 UTC.
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
const TEXT_OID = 25;
const JSONB_VERSION = 1;

/** Row fields in the binary COPY format, written into one buffer that grows as needed. */
export class BinaryCopyBuffer {
  private buffer: Buffer;
  private length = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Starts a row of `fieldCount` fields. */
  row(fieldCount: number): void {
    this.reserve(2);
    this.length = this.buffer.writeInt16BE(fieldCount, this.length);
  }

  null(): void {
    this.int32(-1);
  }

  /** text, or null. Lone surrogates become U+FFFD, as in any UTF-8 encoding of the string. */
  text(value: string | null): void {
    if (value === null) {
      this.null();
      return;
    }
    this.reserve(4 + value.length * 3);
    const written = this.buffer.write(value, this.length + 4, "utf8");
    this.buffer.writeInt32BE(written, this.length);
    this.length += 4 + written;
  }

  int4(value: number): void {
    this.int32(4);
    this.int32(value);
  }

  /** timestamptz from a Date, to the millisecond. */
  timestamptz(value: Date): void {
    const micros = BigInt(value.getTime() - POSTGRES_EPOCH_MS) * 1000n;
    this.int32(8);
    this.reserve(8);
    this.length = this.buffer.writeBigInt64BE(micros, this.length);
  }

  /** jsonb from its JSON text: a format version byte, then the text. */
  jsonb(json: string): void {
    this.reserve(5 + json.length * 3);
    const written = this.buffer.write(json, this.length + 5, "utf8");
    this.buffer.writeInt32BE(written + 1, this.length);
    this.buffer.writeUInt8(JSONB_VERSION, this.length + 4);
    this.length += 5 + written;
  }

  /** A one-dimensional text[] without nulls; an empty list is the empty array. */
  textArray(items: readonly string[]): void {
    const start = this.length;
    this.int32(0); // the length, filled in below
    if (items.length === 0) {
      this.int32(0); // dimensions
      this.int32(0); // has nulls
      this.int32(TEXT_OID);
    } else {
      this.int32(1);
      this.int32(0);
      this.int32(TEXT_OID);
      this.int32(items.length);
      this.int32(1); // lower bound
      for (const item of items) this.text(item);
    }
    this.buffer.writeInt32BE(this.length - start - 4, start);
  }

  /** uuid from its canonical text (hex with dashes), or null. */
  uuid(value: string | null): void {
    if (value === null) {
      this.null();
      return;
    }
    const hex = value.replaceAll("-", "");
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error("not a uuid");
    this.int32(16);
    this.reserve(16);
    this.length += this.buffer.write(hex, this.length, "hex");
  }

  /** Fields another BinaryCopyBuffer encoded (see `fields`). */
  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes written so far, without header or trailer: fields to `append` elsewhere. */
  fields(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** The whole COPY stream in pieces: header, the rows written, trailer. */
  stream(): Uint8Array[] {
    return [HEADER, this.buffer.subarray(0, this.length), TRAILER];
  }

  private int32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32BE(value, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
