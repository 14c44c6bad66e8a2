/** A parsed JSON object, read only. */
export type JsonObject = { readonly [key: string]: unknown };

export const EMPTY_OBJECT: JsonObject = Object.freeze({});

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a path of object keys; keys are literal (a claim URL is one key). */
export function at(value: unknown, ...path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The object at a path, or an empty object. */
export function objectAt(value: unknown, ...path: readonly string[]): JsonObject {
  const found = at(value, ...path);
  return isObject(found) ? found : EMPTY_OBJECT;
}

/** A non-empty string, or undefined for anything else. */
export function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The first candidate that is a non-empty string. */
export function firstStr(...candidates: readonly unknown[]): string | undefined {
  for (const candidate of candidates) {
    const found = str(candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A value as a Sentinel string column holds it: Kusto strings are never null, so absent and
 * null are "", numbers and booleans their JSON text, objects and arrays compact JSON.
 */
export function columnText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The keys a reader tried, for a rejection message: the first few, then a count. */
export function describeKeys(value: JsonObject, shown = 6): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return "no keys";
  const listed = keys.slice(0, shown).join(", ");
  return keys.length > shown ? `${listed} and ${keys.length - shown} more` : listed;
}

// The deepest nesting a record may have. Real CloudTrail, Azure and Entra records nest a few
// dozen levels at most; the hashing and normalising code walks values recursively, and a record
// nested thousands of levels deep would overflow the stack and fail its whole file.
export const MAX_NESTING = 256;

/** Whether a parsed value nests arrays or objects more than `limit` levels deep (no recursion). */
export function nestedDeeperThan(value: unknown, limit = MAX_NESTING): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== "object" || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > limit) return true;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth });
  }
  return false;
}
