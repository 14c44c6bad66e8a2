import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { pool } from "./client";
import { BinaryCopyBuffer } from "./copy-binary";
import { copyIn } from "./copy-in";

giveEachFileATestDatabase();

const TABLE = `CREATE TEMP TABLE binary_rows (
  n int4, t text, at timestamptz(3), doc jsonb, tags text[], file uuid)`;
const COPY = "COPY binary_rows (n, t, at, doc, tags, file) FROM STDIN (FORMAT binary)";

interface Row {
  n: number;
  t: string | null;
  at: Date;
  doc: string;
  tags: string[];
  file: string | null;
}

const rows: Row[] = [
  {
    n: 1,
    t: 'tab\there, line\nend, back\\slash, quote " and ünïcødé 🚨',
    at: new Date("2024-05-01T10:00:00.123Z"),
    doc: '{"b":"x\\ty","a":[1,2.5,null,true]}',
    tags: ["nul_replaced", 'a"b\\c', "{braces}, comma"],
    file: "0b7c9a1e-3f4d-4c2a-9e8f-1a2b3c4d5e6f",
  },
  {
    n: -7,
    t: null,
    at: new Date("1970-01-01T00:00:00.000Z"),
    doc: "{}",
    tags: [],
    file: null,
  },
  {
    n: 2147483647,
    t: "",
    at: new Date("9999-12-31T23:59:59.999Z"),
    doc: "[]",
    tags: [""],
    file: null,
  },
];

function encode(items: readonly Row[]): Uint8Array[] {
  const out = new BinaryCopyBuffer(16);
  for (const row of items) {
    out.row(6);
    out.int4(row.n);
    out.text(row.t);
    out.timestamptz(row.at);
    out.jsonb(row.doc);
    out.textArray(row.tags);
    out.uuid(row.file);
  }
  return out.stream();
}

describe("BinaryCopyBuffer", () => {
  const client = () => pool().connect();
  let session: Awaited<ReturnType<typeof client>>;

  beforeAll(async () => {
    session = await client();
    await session.query(TABLE);
  });
  afterAll(() => session.release());

  it("round-trips every type it writes through PostgreSQL, growing from a small buffer", async () => {
    expect(await copyIn(session, COPY, encode(rows))).toBe(3);
    const stored = await session.query(
      "SELECT n, t, at, doc, tags, file::text AS file FROM binary_rows ORDER BY n",
    );
    const expected = [...rows]
      .sort((a, b) => a.n - b.n)
      .map((row) => ({ ...row, doc: JSON.parse(row.doc) }));
    expect(stored.rows).toEqual(expected);
  });

  it("writes a lone surrogate as U+FFFD, as any UTF-8 encoding of the string does", async () => {
    await session.query("TRUNCATE binary_rows");
    const lone = { ...(rows[1] as Row), t: "a\ud800b" };
    await copyIn(session, COPY, encode([lone]));
    const stored = await session.query("SELECT t FROM binary_rows");
    expect(stored.rows[0].t).toBe("a\ufffdb");
  });

  it("refuses a file id that is not a uuid rather than sending garbage", () => {
    expect(() => encode([{ ...(rows[1] as Row), file: "not-a-uuid" }])).toThrow("not a uuid");
  });

  it("hands out a row's fields alone, to be appended to another buffer", () => {
    const fields = new BinaryCopyBuffer(4);
    fields.text("abc");
    fields.int4(5);
    const whole = new BinaryCopyBuffer(4);
    whole.row(2);
    whole.append(fields.fields());
    expect(Buffer.from(whole.fields()).toString("hex")).toBe(
      "0002" + "00000003616263" + "0000000400000005",
    );
  });
});
