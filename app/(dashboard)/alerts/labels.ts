import type { ALERT_STATUSES, SUPPRESSION_VIEWS, TIME_RANGES } from "@/lib/alerts/schemas";

export const RANGE_LABELS: Record<keyof typeof TIME_RANGES, string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  all: "All time",
};

export const SUPPRESSION_LABELS: Record<(typeof SUPPRESSION_VIEWS)[number], string> = {
  active: "Active",
  suppressed: "Suppressed",
  all: "All",
};

export const STATUS_LABELS: Record<(typeof ALERT_STATUSES)[number], string> = {
  open: "Open",
  acknowledged: "Acknowledged",
  closed: "Closed",
};

/** A count as the page says it: exact, or "about" an estimate rounded to two figures. */
export function countLabel(count: number, estimated: boolean): string {
  if (!estimated) return String(count);
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(count, 1))) - 1);
  return `about ${(Math.round(count / step) * step).toLocaleString("en-US")}`;
}
