import type { EventFlag, NormalizedEvent } from "../events/types";
import { isObject, nestedDeeperThan } from "./json";

// PostgreSQL text and jsonb cannot hold U+0000. It is replaced by U+FFFD, the Unicode
// replacement character, everywhere: one fixed choice keeps re-imports identical.
const NUL = "\u0000";
const REPLACEMENT = "\ufffd";
const NUL_ESCAPES = /(\\+)u0000/g;

/**
 * Replaces the JSON escape `\u0000` in a record's raw text by `\ufffd`, so the text still
 * parses to the sanitised value and every other byte stays as received. An escape is real when
 * an odd number of backslashes precedes the `u` (`\\u0000` is a backslash and "u0000").
 */
export function replaceNulEscapes(rawJson: string): string {
  if (!rawJson.includes("u0000")) return rawJson;
  return rawJson.replace(NUL_ESCAPES, (match, slashes: string) =>
    slashes.length % 2 === 1 ? `${slashes}ufffd` : match,
  );
}

/** Replaces U+0000 in every string and key of a parsed value; `changed` says if any was. */
export function replaceNul(value: unknown): { value: unknown; changed: boolean } {
  const state = { changed: false };
  const result = sanitise(value, state);
  return { value: result, changed: state.changed };
}

function sanitise(value: unknown, state: { changed: boolean }): unknown {
  if (typeof value === "string") {
    if (!value.includes(NUL)) return value;
    state.changed = true;
    return value.replaceAll(NUL, REPLACEMENT);
  }
  if (Array.isArray(value)) return value.map((item) => sanitise(item, state));
  if (isObject(value)) {
    // fromEntries defines own keys, so a "__proto__" key stays data and never a prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [sanitise(key, state), sanitise(item, state)]),
    );
  }
  return value;
}

/**
 * Replaces lone UTF-16 surrogates (a JSON escape such as `\ud800` without its pair) by U+FFFD
 * in the event's text fields and Sentinel row: UTF-8 cannot encode them and PostgreSQL's jsonb
 * refuses them. Returns whether any was replaced. The raw record keeps its escapes as received.
 */
export function replaceLoneSurrogates(event: NormalizedEvent): boolean {
  let changed = false;
  const fields = event as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && !value.isWellFormed()) {
      fields[key] = value.toWellFormed();
      changed = true;
    }
  }
  const columns = Object.entries(event.sentinel);
  if (columns.some(([, value]) => !value.isWellFormed())) {
    event.sentinel = Object.fromEntries(
      columns.map(([name, value]) => [name, value.toWellFormed()]),
    );
    changed = true;
  }
  return changed;
}

/**
 * The object or array a string holds as JSON text (Azure exports put `identity`, `claims` and
 * `properties` in strings), or undefined when the string holds something else.
 */
export function decodeJsonText(value: unknown): object | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (!text.startsWith("{") && !text.startsWith("[")) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (nestedDeeperThan(parsed)) return undefined;
    return typeof parsed === "object" && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A field that may hold JSON as text: the decoded object or array (flagging the event
 * `json_in_string_decoded`), or the value unchanged. Only values read for normalisation are
 * decoded; the raw record keeps the original string.
 */
export function readEmbeddedJson(value: unknown, flags: Set<EventFlag>): unknown {
  const decoded = decodeJsonText(value);
  if (decoded === undefined) return value;
  flags.add("json_in_string_decoded");
  return decoded;
}
