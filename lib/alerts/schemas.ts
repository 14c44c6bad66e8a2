import { z } from "zod";
import { AppError } from "../errors";
import { SOURCE_TABLES } from "../events/types";

export const TIME_RANGES = { "24h": 24, "7d": 24 * 7, "30d": 24 * 30, all: null } as const;
export const ALERT_STATUSES = ["open", "acknowledged", "closed"] as const;
export const SUPPRESSION_VIEWS = ["active", "suppressed", "all"] as const;
export const SORTABLE_COLUMNS = [
  "eventTime",
  "severity",
  "sourceTable",
  "operation",
  "actor",
  "status",
] as const;
export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const CONFIDENCES = ["high", "medium", "low"] as const;

const optionalText = z
  .string()
  .trim()
  .max(500, "Filters have at most 500 characters.")
  // PostgreSQL text cannot hold U+0000; such a filter could never match anything stored.
  .refine((text) => !text.includes("\u0000"), "Filters cannot contain a NUL character.")
  .optional()
  .transform((v) => (v ? v : undefined));

// PostgreSQL timestamps and JavaScript dates disagree on their limits; past these years a query
// fails inside the database instead of at the edge.
const FIRST_YEAR = 1970;
const LAST_YEAR = 9999;

// The parameter's name is not in the message: the CLI calls `from` and `to` --since and --until.
const boundedDate = z.coerce
  .date({ message: "Give a date and time such as 2026-01-31T00:00:00Z." })
  .refine(
    (date) => date.getUTCFullYear() >= FIRST_YEAR && date.getUTCFullYear() <= LAST_YEAR,
    `Give a date between the years ${FIRST_YEAR} and ${LAST_YEAR}.`,
  );

/** A choice among `values`, refused in words: "Choose a severity: critical, high, medium or low." */
function choice<const Values extends readonly [string, ...string[]]>(what: string, values: Values) {
  const listed = `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
  return z.enum(values, { message: `Choose ${what}: ${listed}.` });
}

/** The alerts table's filters, as they travel in the URL (and the CLI's flags). */
export const AlertFilter = z.object({
  range: choice("a time range", Object.keys(TIME_RANGES) as [keyof typeof TIME_RANGES]).default(
    "24h",
  ),
  from: boundedDate.optional(),
  to: boundedDate.optional(),
  source: choice("a source table", SOURCE_TABLES).optional(),
  operation: optionalText,
  actor: optionalText,
  /** Exact matches, used when a group of the table is expanded. */
  operationIs: optionalText,
  actorIs: optionalText,
  account: optionalText,
  status: choice("a status", ALERT_STATUSES).optional(),
  rule: optionalText,
  severity: choice("a severity", SEVERITIES).optional(),
  confidence: choice("a confidence", CONFIDENCES).optional(),
  suppression: choice("a suppression view", SUPPRESSION_VIEWS).default("active"),
  q: optionalText,
});
export type AlertFilter = z.infer<typeof AlertFilter>;

export const AlertPage = AlertFilter.extend({
  sort: choice("a column to sort by", SORTABLE_COLUMNS).default("eventTime"),
  dir: choice("a sort direction", ["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
  /** Keyset cursors (lib/alerts/cursor.ts): the page after or before a row, over `page`. */
  after: z.string().optional(),
  before: z.string().optional(),
});
export type AlertPage = z.infer<typeof AlertPage>;

/** Why a `from` or `to` in the URL cannot be used ("from: Give a date…"), or null. */
export function alertDateProblem(
  params: Record<string, string | string[] | undefined>,
): string | null {
  for (const key of ["from", "to"] as const) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === "") continue;
    const parsed = AlertFilter.shape[key].safeParse(value);
    if (!parsed.success) return `${key}: ${parsed.error.issues[0]?.message}`;
  }
  return null;
}

/**
 * The API's reading of the same parameters: a `from` or `to` that cannot be used is refused with
 * a "bad_request" naming it, since silently dropping it would widen the answer.
 */
export function parseAlertPageStrict(params: Record<string, string | undefined>): AlertPage {
  const problem = alertDateProblem(params);
  if (problem !== null) throw new AppError("bad_request", problem);
  return parseAlertPage(params);
}

/**
 * Reads URL search params (Next's `searchParams` object) into a validated page request. A shared
 * link with a stale or mistyped value still opens: each invalid parameter falls back to its
 * default, the valid ones are kept.
 */
export function parseAlertPage(params: Record<string, string | string[] | undefined>): AlertPage {
  const flat: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  for (const key of Object.keys(flat)) if (flat[key] === "") delete flat[key];
  for (;;) {
    const parsed = AlertPage.safeParse(flat);
    if (parsed.success) return parsed.data;
    const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const key of invalid) delete flat[key];
    if (invalid.size === 0) return AlertPage.parse({});
  }
}
