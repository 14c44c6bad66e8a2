import type { NormalizedEvent } from "../events/types";
import { normalizeCloudTrail } from "../normalize/aws";
import { normalizeAzureActivity } from "../normalize/azure-activity";
import { normalizeEntra } from "../normalize/entra";
import {
  describeKeys,
  isObject,
  type JsonObject,
  MAX_NESTING,
  nestedDeeperThan,
} from "../normalize/json";
import type { Normalized } from "../normalize/schemas";
import { normalizeSentinelRow } from "../normalize/sentinel-export";
import { replaceLoneSurrogates, replaceNul, replaceNulEscapes } from "../normalize/text";
import { classifyRecord, type RecordKind } from "./classify";
import { contentHash } from "./content-hash";
import { describeBytes } from "./ingest-error";
import { replacedInvalidUtf8 } from "./utf8";
import type { RawElement } from "./walk-json";

export interface RecordPosition {
  /** 1-based number of the record in the file, rejected records included. */
  index: number;
  /** 1-based line where the record starts; absent when every record is on line 1. */
  line?: number;
  /** Offset of the record's first byte in the decompressed file. */
  byteOffset?: number;
}

export type FileRecord =
  | {
      kind: "event";
      position: RecordPosition;
      /** The record's text exactly as in the file, with `\u0000` escapes made `\ufffd`. */
      raw: string;
      /** sha256 of the inner event's canonical JSON as parsed, before NUL replacement. */
      contentHash: string;
      event: NormalizedEvent;
      /** The row's COPY fields, when a parsing thread encoded them (events/copy-fields.ts). */
      copyFields?: Uint8Array;
    }
  | { kind: "rejected"; position: RecordPosition; reason: string };

/** A record's text and parsed value, or why it has none. */
export type ParsedElement =
  | { ok: true; text: string; value: unknown; utf8Replaced?: boolean }
  | { ok: false; reason: string };

const decoder = new TextDecoder("utf-8");

export function parseElement(element: RawElement, maxRecordBytes: number): ParsedElement {
  if (element.bytes === null) {
    return {
      ok: false,
      reason:
        `The record is ${describeBytes(element.size)} uncompressed, over the ` +
        `${describeBytes(maxRecordBytes)} limit for one record, so it was skipped.`,
    };
  }
  const text = decoder.decode(element.bytes);
  const utf8Replaced = replacedInvalidUtf8(element.bytes, text);
  try {
    return { ok: true, text, value: JSON.parse(text), utf8Replaced };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The record is not valid JSON: ${detail}.` };
  }
}

/** One parsed record as a stored event, or as a rejection that names why. */
export function buildRecord(position: RecordPosition, parsed: ParsedElement): FileRecord {
  if (!parsed.ok) return rejected(position, parsed.reason);
  if (nestedDeeperThan(parsed.value)) return rejected(position, TOO_DEEP);

  const kind = classifyRecord(parsed.value);
  const inner = unwrap(kind, parsed.value);
  if (!inner.ok) return rejected(position, inner.reason);

  const hash = contentHash(inner.event);
  const sanitised = parsed.text.includes("u0000") ? replaceNul(inner.event) : null;
  const event = isObject(sanitised?.value) ? sanitised.value : inner.event;
  const normalized = normalize(kind, event, inner.fallbackTimes);
  if (!normalized.ok) return rejected(position, normalized.reason);

  if (sanitised?.changed) normalized.event.flags.push("nul_replaced");
  if (parsed.utf8Replaced) normalized.event.flags.push("utf8_replaced");
  // Lone surrogates come only from `\u` escapes, in the record or in JSON held in its strings.
  if (parsed.text.includes("\\u") && replaceLoneSurrogates(normalized.event)) {
    normalized.event.flags.push("surrogate_replaced");
  }
  return {
    kind: "event",
    position,
    raw: replaceNulEscapes(parsed.text),
    contentHash: hash,
    event: normalized.event,
  };
}

const TOO_DEEP = `The record is nested more than ${MAX_NESTING} levels deep, so it was skipped.`;

// A reason quotes the record (JSON.parse does, and key names); it is stored in PostgreSQL, which
// cannot hold U+0000.
function rejected(position: RecordPosition, reason: string): FileRecord {
  return { kind: "rejected", position, reason: reason.replaceAll("\u0000", "\ufffd") };
}

/**
 * Where a record is. The line is left out for a record on line 1 of a file that is not JSON
 * Lines: in a single-line file every record is on line 1, and only the byte offset tells them
 * apart.
 */
export function positionOf(element: RawElement, index: number): RecordPosition {
  const byteOffset = element.offset;
  const lineTells = element.layout === "line" || element.line > 1;
  return lineTells ? { index, line: element.line, byteOffset } : { index, byteOffset };
}

type Unwrapped =
  | { ok: true; event: JsonObject; fallbackTimes: readonly unknown[] }
  | { ok: false; reason: string };

/** The event inside a wrapper (Event history entry, EventBridge envelope), or the record. */
function unwrap(kind: RecordKind, value: unknown): Unwrapped {
  if (!isObject(value)) {
    return { ok: false, reason: "The record is not a JSON object, so it is not a log event." };
  }
  switch (kind.family) {
    case "cloudtrail-history":
      return historyEvent(value);
    case "cloudtrail-eventbridge":
      return isObject(value.detail)
        ? { ok: true, event: value.detail, fallbackTimes: [value.time] }
        : { ok: false, reason: "The EventBridge envelope has no detail object." };
    case "cloudtrail-digest":
      return { ok: false, reason: "A CloudTrail digest record holds no events; it was skipped." };
    case "unknown":
      return {
        ok: false,
        reason:
          "The record is not a CloudTrail, Azure Activity or Entra ID audit record " +
          `(its keys: ${describeKeys(value)}).`,
      };
    default:
      return { ok: true, event: value, fallbackTimes: [] };
  }
}

function historyEvent(entry: JsonObject): Unwrapped {
  const fallbackTimes = [entry.EventTime];
  const inner = entry.CloudTrailEvent;
  if (isObject(inner)) return { ok: true, event: inner, fallbackTimes };
  if (typeof inner === "string") {
    try {
      const event: unknown = JSON.parse(inner);
      if (nestedDeeperThan(event)) return { ok: false, reason: TOO_DEEP };
      if (isObject(event)) return { ok: true, event, fallbackTimes };
    } catch {
      // reported below
    }
  }
  return {
    ok: false,
    reason: "The Event history entry's CloudTrailEvent does not hold a CloudTrail event as JSON.",
  };
}

function normalize(
  kind: RecordKind,
  event: JsonObject,
  fallbackTimes: readonly unknown[],
): Normalized {
  switch (kind.family) {
    case "azure-activity":
      return normalizeAzureActivity(event);
    case "entra":
      return normalizeEntra(event);
    case "sentinel-row":
      return normalizeSentinelRow(kind.table, event);
    default:
      return normalizeCloudTrail(event, { fallbackTimes });
  }
}
