import { SEVERITY_RANK } from "./alert-writer";
import { type AlertFilter, TIME_RANGES } from "./schemas";

/**
 * The generated column `search_text`: operation, actor, account and explanation in lower case,
 * joined by U+001F, with a trigram index. `lower(text) LIKE lower(pattern)` is what ILIKE tests;
 * a text in one column is in this, so it finds candidates through the index, and the test of the
 * column itself keeps a column filter exact. A free text without U+001F cannot span two columns,
 * so for it the joined test alone is exact.
 */
const SEARCH = "a.search_text LIKE lower";
const SEPARATOR = "\u001f";

export interface SqlWhere {
  text: string;
  values: unknown[];
  /** A contains or free-text filter is part of it: best answered from the trigram index. */
  textSearch?: boolean;
}

/**
 * The alerts table's filters as one parameterised SQL condition on table alias `a`: the only
 * translation, used by the table, counts, aggregates, bulk changes and exports. Values are always
 * bound, never spliced into the text.
 */
export function alertWhereSql(filter: AlertFilter, now = new Date()): SqlWhere {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const like = (value: string): string => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

  const hours = TIME_RANGES[filter.range];
  if (hours !== null)
    conditions.push(`a.event_time > ${bind(new Date(now.getTime() - hours * 3_600_000))}`);
  if (filter.from) conditions.push(`a.event_time >= ${bind(filter.from)}`);
  if (filter.to) conditions.push(`a.event_time <= ${bind(filter.to)}`);
  if (filter.source) conditions.push(`a.source_table = ${bind(filter.source)}`);
  if (filter.operation) {
    const pattern = bind(like(filter.operation));
    conditions.push(`${SEARCH}(${pattern})`, `a.operation ILIKE ${pattern}`);
  }
  if (filter.actor) {
    const pattern = bind(like(filter.actor));
    conditions.push(`${SEARCH}(${pattern})`, `a.actor ILIKE ${pattern}`);
  }
  if (filter.operationIs !== undefined)
    conditions.push(`a.operation = ${bind(filter.operationIs)}`);
  if (filter.actorIs !== undefined) conditions.push(`a.actor = ${bind(filter.actorIs)}`);
  if (filter.account) conditions.push(`a.account = ${bind(filter.account)}`);
  if (filter.status) conditions.push(`a.status = ${bind(filter.status)}`);
  if (filter.rule) conditions.push(`a.rule = ${bind(filter.rule)}`);
  // The rank is what the indexes hold; it stands for the severity one to one.
  if (filter.severity) conditions.push(`a.severity_rank = ${bind(SEVERITY_RANK[filter.severity])}`);
  if (filter.confidence) conditions.push(`a.confidence = ${bind(filter.confidence)}`);
  if (filter.suppression === "active") conditions.push("a.suppressed_by_id IS NULL");
  if (filter.suppression === "suppressed") conditions.push("a.suppressed_by_id IS NOT NULL");
  if (filter.q) {
    const q = bind(like(filter.q));
    conditions.push(`${SEARCH}(${q})`);
    if (filter.q.includes(SEPARATOR)) {
      const columns = ["operation", "actor", "account", "explanation"];
      conditions.push(`(${columns.map((c) => `a.${c} ILIKE ${q}`).join(" OR ")})`);
    }
  }
  const text = conditions.length > 0 ? conditions.join(" AND ") : "TRUE";
  return { text, values, textSearch: Boolean(filter.operation || filter.actor || filter.q) };
}
