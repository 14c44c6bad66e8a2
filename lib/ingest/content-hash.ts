import { hash } from "node:crypto";
import { sortedKeys } from "./sorted-keys";

/**
 * JSON text of a parsed value with object keys sorted at every level, so two records that
 * differ only in key order or white space (the same event from two export paths) read the same.
 * Keys sort by UTF-16 code units (Array.prototype.sort's default); a value JSON has no text for
 * (undefined, a function) is written as null, in objects too.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case "string":
      return quoted(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? arrayText(value) : objectText(value);
    default:
      return JSON.stringify(value) ?? "null";
  }
}

// Most values are short plain strings: a scan in JavaScript that finds nothing JSON escapes
// (quote, backslash, control characters, surrogates) is cheaper than a call to JSON.stringify.
const SHORT_STRING = 64;

function quoted(text: string): string {
  if (text.length > SHORT_STRING) return JSON.stringify(text);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}

function arrayText(items: readonly unknown[]): string {
  let text = "[";
  for (let i = 0; i < items.length; i++) {
    text += i === 0 ? canonicalJson(items[i]) : `,${canonicalJson(items[i])}`;
  }
  return `${text}]`;
}

function objectText(object: object): string {
  const record = object as Readonly<Record<string, unknown>>;
  const own = Object.keys(record);
  if (own.length === 0) return "{}";
  const { keys, prefixes } = sortedKeys(own);
  let text = "{";
  for (let i = 0; i < keys.length; i++) {
    text += `${prefixes[i]}${canonicalJson(record[keys[i] as string])}`;
  }
  return `${text}}`;
}

/**
 * sha256 hex of the canonical JSON text (UTF-8): the content identity duplicates are judged by.
 * One-shot `hash` skips the Hash object createHash builds for each record.
 */
export function contentHash(value: unknown): string {
  return hash("sha256", canonicalJson(value), "hex");
}
