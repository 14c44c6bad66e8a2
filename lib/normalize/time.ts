import type { EventFlag } from "../events/types";

/**
 * The time given to an event whose record holds no readable time anywhere: the Unix epoch,
 * flagged `time_unreadable`. Never the time of ingestion, which would pass for a real time.
 */
export const UNREADABLE_TIME = new Date(0);

const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;
const ZONE = String.raw`\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]${CLOCK})?${ZONE}$`);
// .NET's invariant culture, as some Azure records and exports write it: month first.
const US = new RegExp(
  String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}),?(?:\s+${CLOCK}\s*([AaPp][Mm])?)?${ZONE}$`,
);

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  fraction: string;
  zone: string;
}

/**
 * Reads a timestamp the way the three sources write it: ISO 8601 with any number of fraction
 * digits (Azure writes seven; kept to the millisecond, truncated), with or without a zone
 * (none means UTC), a space instead of the T, or a US-style `M/D/YYYY h:mm:ss AM`. Also epoch
 * seconds or milliseconds given as a JSON number. Returns null for anything else.
 */
export function parseTimestamp(value: unknown): Date | null {
  if (typeof value === "number") return fromEpoch(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  const parts = isoParts(text) ?? usParts(text);
  return parts === null ? null : toDate(parts);
}

function isoParts(text: string): Parts | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    fraction: m[7] ?? "",
    zone: m[8] ?? "",
  };
}

function usParts(text: string): Parts | null {
  const m = US.exec(text);
  if (m === null) return null;
  let hour = Number(m[4] ?? 0);
  const meridiem = m[8]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "PM" ? 12 : 0);
  }
  return {
    year: Number(m[3]),
    month: Number(m[1]),
    day: Number(m[2]),
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    fraction: m[7] ?? "",
    zone: m[9] ?? "",
  };
}

// .NET writes an unset time as 0001-01-01; no log of these sources predates this year.
const EARLIEST_YEAR = 1900;

function toDate(p: Parts): Date | null {
  if (p.year < EARLIEST_YEAR) return null;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59) return null;
  if (p.second > 60) return null;
  // A leap second (:60) has no place in a JavaScript Date; the last millisecond before it does.
  const leap = p.second === 60;
  const millis = leap ? 999 : Number(p.fraction.slice(0, 3).padEnd(3, "0"));
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, leap ? 59 : p.second, millis);
  const offset = zoneOffsetMinutes(p.zone);
  if (offset === null) return null;
  const date = new Date(utc - offset * 60_000);
  if (new Date(utc).getUTCDate() !== p.day) return null;
  return Number.isNaN(date.getTime()) ? null : date;
}

// Real offsets run from -12:00 to +14:00; anything past ±14:00 or with minutes over 59 is no
// zone at all, and the time is unreadable rather than shifted by a made-up offset.
const MAX_OFFSET_HOURS = 14;

function zoneOffsetMinutes(zone: string): number | null {
  if (zone === "" || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || "0");
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_HOURS * 60) return null;
  return sign * (hours * 60 + minutes);
}

// Below this a number is taken as seconds: 1e11 seconds is the year 5138, 1e11 ms is 1973.
const EPOCH_SECONDS_BELOW = 1e11;

function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const date = new Date(value < EPOCH_SECONDS_BELOW ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An event's time by a documented order. The first present `primary` value is the record's
 * own time; if it is missing or unreadable the others are tried, then `fallbacks`, and the
 * event is flagged `time_fallback`. With no readable time at all it gets `UNREADABLE_TIME` and
 * the flag `time_unreadable`: the event is kept, never dropped.
 */
export function resolveEventTime(
  primary: readonly unknown[],
  fallbacks: readonly unknown[],
  flags: Set<EventFlag>,
): Date {
  let skipped = false;
  for (const candidate of primary) {
    if (candidate === undefined || candidate === null || candidate === "") continue;
    const date = parseTimestamp(candidate);
    if (date !== null) {
      if (skipped) flags.add("time_fallback");
      return date;
    }
    skipped = true;
  }
  for (const candidate of fallbacks) {
    const date = parseTimestamp(candidate);
    if (date !== null) {
      flags.add("time_fallback");
      return date;
    }
  }
  flags.add("time_unreadable");
  return UNREADABLE_TIME;
}
