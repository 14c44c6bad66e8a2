import { z } from "zod";

/** Which number comes first in a locale date: day (21/04/2025) or month (4/28/2021). */
export const DateOrder = z.enum(["dmy", "mdy"]);
export type DateOrder = z.infer<typeof DateOrder>;

/**
 * A date as Log Analytics writes it in CSV exports, by the exporter's locale:
 * `4/28/2021, 2:32:14.029 PM` or `21/04/2025, 09:45:54.000` (also with dots or dashes between
 * the numbers). The first two numbers are day and month in an order the text does not tell.
 */
export interface LocaleDate {
  first: number;
  second: number;
  year: number;
  clock: string;
  zone: string;
}

const LOCALE_DATE = new RegExp(
  String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}),?` +
    String.raw`(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?)?` +
    String.raw`\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$`,
);

export function readLocaleDate(text: string): LocaleDate | null {
  const m = LOCALE_DATE.exec(text.trim());
  if (m === null) return null;
  const clock = clockOf(Number(m[5] ?? 0), m[6] ?? "00", m[7] ?? "00", m[8] ?? "", m[9]);
  if (clock === null) return null;
  return {
    first: Number(m[1]),
    second: Number(m[3]),
    year: Number(m[4]),
    clock,
    zone: m[10] ?? "",
  };
}

function clockOf(
  hour: number,
  minute: string,
  second: string,
  fraction: string,
  meridiem: string | undefined,
): string | null {
  let h = hour;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    h = (hour % 12) + (meridiem.toUpperCase() === "PM" ? 12 : 0);
  }
  const fractionPart = fraction === "" ? "" : `.${fraction}`;
  return `${String(h).padStart(2, "0")}:${minute}:${second}${fractionPart}`;
}

/**
 * What one date says about the order: a number above 12 can only be the day. "either" when
 * both are 12 or less (the date alone cannot tell), "neither" when no order makes it a date.
 */
export function orderEvidence(date: LocaleDate): DateOrder | "either" | "neither" {
  const dmy = isCalendarDate(date.year, date.second, date.first);
  const mdy = isCalendarDate(date.year, date.first, date.second);
  if (dmy && mdy) return "either";
  if (dmy) return "dmy";
  if (mdy) return "mdy";
  return "neither";
}

/** The date as ISO 8601 text in the given order (UTC unless it names a zone), or null. */
export function localeDateToIso(date: LocaleDate, order: DateOrder): string | null {
  const [month, day] = order === "dmy" ? [date.second, date.first] : [date.first, date.second];
  if (!isCalendarDate(date.year, month, day)) return null;
  const zone = date.zone === "" || /^(z|utc|gmt)$/i.test(date.zone) ? "Z" : date.zone;
  const ymd = `${date.year}-${pad(month)}-${pad(day)}`;
  return `${ymd}T${date.clock}${zone}`;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
