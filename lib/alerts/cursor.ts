import { z } from "zod";
import { AppError } from "../errors";
import { SORTABLE_COLUMNS } from "./schemas";

/**
 * Where a keyset page starts: the sort column's value, the event time and the id of the row next
 * to it. `sort` and `dir` are carried so that a link made under one order is refused under
 * another instead of silently skipping rows.
 */
export interface AlertCursor {
  sort: (typeof SORTABLE_COLUMNS)[number];
  dir: "asc" | "desc";
  /** The sorted column's value: a severity rank for "severity", text otherwise. */
  value: string | number;
  eventTime: Date;
  id: bigint;
}

// Known shortcoming: a sorted value (an actor or operation name) longer than MAX_VALUE_CHARS
// cannot be carried, so paging by that column stops at such a row with this 400. Names seen in
// real logs stay far below it; lifting it needs a cursor that names the row by id alone.
const MAX_VALUE_CHARS = 2_048;
// Base64url of the JSON tuple of such a value in 4-byte characters, with room for the rest.
const MAX_TOKEN_CHARS = 12_000;

const Token = z.tuple([
  z.enum(SORTABLE_COLUMNS),
  z.enum(["asc", "desc"]),
  z.union([z.string().max(MAX_VALUE_CHARS), z.number().int().min(0).max(3)]),
  z.iso.datetime(),
  z.string().regex(/^[1-9][0-9]{0,18}$/),
]);

const INVALID = "This page link is damaged or out of date. Open the first page of the list again.";

export function encodeCursor(cursor: AlertCursor): string {
  const token = [
    cursor.sort,
    cursor.dir,
    cursor.value,
    cursor.eventTime.toISOString(),
    cursor.id.toString(),
  ];
  return Buffer.from(JSON.stringify(token), "utf8").toString("base64url");
}

/** Reads a cursor from a URL; anything we did not make is a 400, never a server error. */
export function decodeCursor(text: string, expected: Pick<AlertCursor, "sort" | "dir">) {
  if (text.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) {
    throw new AppError("bad_request", INVALID);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new AppError("bad_request", INVALID);
  }
  const parsed = Token.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", INVALID);

  const [sort, dir, value, eventTime, id] = parsed.data;
  const numeric = typeof value === "number";
  if (numeric !== (sort === "severity")) throw new AppError("bad_request", INVALID);
  if (typeof value === "string" && value.includes("\u0000")) {
    throw new AppError("bad_request", INVALID);
  }
  if (sort !== expected.sort || dir !== expected.dir) {
    throw new AppError(
      "bad_request",
      "This page link belongs to another sort order. Open the first page of the list again.",
    );
  }
  const idValue = BigInt(id);
  if (idValue > 9_223_372_036_854_775_807n) throw new AppError("bad_request", INVALID);
  return { sort, dir, value, eventTime: new Date(eventTime), id: idValue } satisfies AlertCursor;
}
