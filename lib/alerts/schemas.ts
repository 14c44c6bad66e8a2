import { z } from "zod";
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
  .max(500)
  .optional()
  .transform((v) => (v ? v : undefined));

/** The alerts table's filters, as they travel in the URL (and the CLI's flags). */
export const AlertFilter = z.object({
  range: z.enum(Object.keys(TIME_RANGES) as [keyof typeof TIME_RANGES]).default("24h"),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  source: z.enum(SOURCE_TABLES).optional().catch(undefined),
  operation: optionalText,
  actor: optionalText,
  status: z.enum(ALERT_STATUSES).optional().catch(undefined),
  rule: optionalText,
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  confidence: z.enum(CONFIDENCES).optional().catch(undefined),
  suppression: z.enum(SUPPRESSION_VIEWS).default("active").catch("active"),
  q: optionalText,
});
export type AlertFilter = z.infer<typeof AlertFilter>;

export const AlertPage = AlertFilter.extend({
  sort: z.enum(SORTABLE_COLUMNS).default("eventTime").catch("eventTime"),
  dir: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50).catch(50),
});
export type AlertPage = z.infer<typeof AlertPage>;

/** Reads URL search params (Next's `searchParams` object) into a validated page request. */
export function parseAlertPage(params: Record<string, string | string[] | undefined>): AlertPage {
  const flat = Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = AlertPage.safeParse(flat);
  return parsed.success ? parsed.data : AlertPage.parse({});
}
