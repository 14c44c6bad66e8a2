/** An ISO 8601 timestamp, or words saying the stored date cannot be shown: never throws. */
export function safeIso(date: Date | null | undefined, none = "(never)"): string {
  if (date === null || date === undefined) return none;
  const time = date.getTime();
  return Number.isNaN(time) ? "(invalid date)" : date.toISOString();
}

/** Whether a date has passed; an invalid date counts as passed, so it is never trusted. */
export function hasPassed(date: Date): boolean {
  const time = date.getTime();
  return Number.isNaN(time) || time <= Date.now();
}
