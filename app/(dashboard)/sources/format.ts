import { PULL_ERROR_KINDS, PULL_ERROR_LABELS, type PullErrorKind } from "@/lib/pull/pull-error";

/** A time as people read it in a log tool: UTC, to the second. */
export function utc(time: Date | null | undefined): string {
  if (!time) return "—";
  return `${time.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function every(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "daily" : `every ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "hourly" : `every ${minutes / 60} h`;
  return `every ${minutes} min`;
}

export function errorLabel(kind: string | null): string {
  if (kind === null) return "";
  return (PULL_ERROR_KINDS as readonly string[]).includes(kind)
    ? PULL_ERROR_LABELS[kind as PullErrorKind]
    : kind;
}
