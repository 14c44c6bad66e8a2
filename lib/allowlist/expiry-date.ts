const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date input's `YYYY-MM-DD` as the last millisecond of that day, UTC, or null when it is not
 * a real calendar date. `new Date()` would roll 2027-02-30 over to March and accept six-digit
 * years, so the parts are read here and the date must give back the same parts.
 */
export function parseExpiryDate(text: string): Date | null {
  const match = DATE_ONLY.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day, 23, 59, 59, 999));
  // Date.UTC maps years 0-99 to 1900-1999; no expiry is that early, so they are refused too.
  const roundTrips =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return roundTrips ? date : null;
}

/** The `YYYY-MM-DD` a date input shows for a stored expiry; empty when the date is unusable. */
export function expiryInputValue(date: Date): string {
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}
