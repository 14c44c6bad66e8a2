import { AlertPage } from "@/lib/alerts/schemas";

/** The non-default parameters of an alerts view, as they appear in its URL. */
export type AlertQuery = Readonly<Record<string, string>>;

const DEFAULTS = AlertPage.parse({});

// A page's position, not part of the view: links that change the view start at its first page.
const POSITION = new Set(["page", "after", "before"]);

/** The view (filters, sort, page size) of a parsed page request, leaving out default values. */
export function alertQuery(page: AlertPage): AlertQuery {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(page)) {
    if (value === undefined || POSITION.has(key)) continue;
    const text = value instanceof Date ? value.toISOString() : String(value);
    const fallback = DEFAULTS[key as keyof AlertPage];
    if (fallback !== undefined && String(fallback) === text) continue;
    query[key] = text;
  }
  return query;
}

/** `/alerts` with the view's query, some keys changed (a string) or removed (undefined). */
export function alertsHref(
  query: AlertQuery,
  changes: Readonly<Record<string, string | undefined>> = {},
): string {
  const params = new URLSearchParams();
  const merged: Record<string, string | undefined> = { ...query, ...changes };
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined) params.set(key, value);
  }
  const text = params.toString();
  return text ? `/alerts?${text}` : "/alerts";
}
