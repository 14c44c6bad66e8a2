import { createHash } from "node:crypto";
import { isObject } from "../normalize/json";

/**
 * JSON text of a parsed value with object keys sorted at every level, so two records that
 * differ only in key order or white space (the same event from two export paths) read the same.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** sha256 hex of the canonical JSON text: the content identity duplicates are judged by. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex");
}
