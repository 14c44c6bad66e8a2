import { type JsonObject, objectAt } from "./json";

const SUBSCRIPTION = /\/subscriptions\/([^/]+)/i;
const RESOURCE_GROUP = /\/resourceGroups\/([^/]+)/i;
const TENANT = /\/tenants\/([^/]+)/i;

/**
 * A field under its camelCase name, or the snake_case name the Azure Python SDK gives it
 * (`eventTimestamp` / `event_timestamp`), so one reader serves both spellings.
 */
export function pick(record: JsonObject, camelName: string): unknown {
  const value = record[camelName];
  if (value !== undefined) return value;
  return record[camelName.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
}

/** A nested field by camelCase path, each step in either spelling. */
export function pickPath(record: JsonObject, ...path: readonly string[]): unknown {
  let current: JsonObject = record;
  for (const [i, key] of path.entries()) {
    const value = pick(current, key);
    if (i === path.length - 1) return value;
    current = objectAt(value);
  }
  return undefined;
}

/**
 * The subscription id in a resource id, lower-cased: Azure writes the same GUID upper-case in
 * diagnostic exports and lower-case in REST, and one account must compare equal across them.
 */
export function subscriptionOf(resourceId: unknown): string {
  return typeof resourceId === "string"
    ? (SUBSCRIPTION.exec(resourceId)?.[1]?.toLowerCase() ?? "")
    : "";
}

export function resourceGroupOf(resourceId: unknown): string {
  return typeof resourceId === "string" ? (RESOURCE_GROUP.exec(resourceId)?.[1] ?? "") : "";
}

/** The Entra tenant in `/tenants/<id>/providers/Microsoft.aadiam`. */
export function tenantOf(resourceId: unknown): string {
  return typeof resourceId === "string" ? (TENANT.exec(resourceId)?.[1]?.toLowerCase() ?? "") : "";
}
