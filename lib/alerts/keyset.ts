import type { AlertCursor } from "./cursor";
import type { SqlWhere } from "./filter-sql";
import type { AlertPage } from "./schemas";

type Dir = "asc" | "desc";

// Column names come from this closed map, never from the request.
const SORT_COLUMN = {
  eventTime: null,
  severity: "severity_rank",
  sourceTable: "source_table",
  operation: "operation",
  actor: "actor",
  status: "status",
} as const;

/**
 * The table's order: the sorted column, then its ties by time and id, so every row has a place.
 * Ties run against the column (newest first when it ascends, oldest first when it descends): the
 * one order an index on (column, time DESC, id DESC) gives read either way.
 */
interface Order {
  column: string | null;
  columnDir: Dir;
  tieDir: Dir;
}

const flip = (dir: Dir): Dir => (dir === "asc" ? "desc" : "asc");
const beyond = (dir: Dir): string => (dir === "asc" ? ">" : "<");

export function tableOrder(page: Pick<AlertPage, "sort" | "dir">): Order {
  if (page.sort === "eventTime") return { column: null, columnDir: page.dir, tieDir: page.dir };
  // Severity sorts by its rank (0 = critical first when descending), not alphabetically.
  const columnDir = page.sort === "severity" ? flip(page.dir) : page.dir;
  return { column: SORT_COLUMN[page.sort], columnDir, tieDir: flip(columnDir) };
}

const reversed = (order: Order): Order => ({
  column: order.column,
  columnDir: flip(order.columnDir),
  tieDir: flip(order.tieDir),
});

function orderText(order: Order, alias: string): string {
  const ties = `${alias}.event_time ${order.tieDir}, ${alias}.id ${order.tieDir}`;
  return order.column ? `${alias}.${order.column} ${order.columnDir}, ${ties}` : ties;
}

const COLUMNS = `a.id, a.rule, a.event_time, a.source_table, a.operation, a.actor, a.actor_type,
  a.source_ip, a.account, a.outcome, a.severity, a.severity_rank, a.confidence, a.status,
  a.suppressed_by_id`;

export type Seek = { cursor: AlertCursor; toward: "after" | "before" } | { offset: number };

/**
 * One page of the table as bound SQL: by OFFSET for shallow page numbers, or seeking from a
 * cursor so that a deep page costs what the first does. A cursor under a sorted column other than
 * the time seeks in two index ranges (the rest of the cursor's value, then the values past it),
 * because the column and the tie-breakers may run in opposite directions.
 *
 * `matchFirst` collects the filter's matches before sorting them, for a text filter the trigram
 * index finds few of: walking a sort index while testing text reads most of the table when the
 * matches sit together (actor ~x sorted by actor). Its rows then carry the matches' count.
 */
export function pageQuery(
  where: SqlWhere,
  page: AlertPage,
  seek: Seek,
  limit: number,
  matchFirst = false,
): SqlWhere {
  const values = [...where.values];
  const bind = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const base = tableOrder(page);
  const order = "cursor" in seek && seek.toward === "before" ? reversed(base) : base;
  const from = matchFirst ? `matched a WHERE TRUE` : `alert a WHERE ${where.text}`;
  const select = (condition: string, tail = "") =>
    `(SELECT ${COLUMNS} FROM ${from} AND ${condition}
      ORDER BY ${orderText(order, "a")} LIMIT ${bind(limit)}${tail})`;

  let inner: string;
  if ("offset" in seek) {
    inner = select("TRUE", ` OFFSET ${bind(seek.offset)}`);
  } else {
    const { cursor } = seek;
    const at = `(${bind(cursor.eventTime)}, ${bind(cursor.id.toString())})`;
    const ties = `(a.event_time, a.id) ${beyond(order.tieDir)} ${at}`;
    if (!order.column) {
      inner = select(ties);
    } else {
      const value = bind(cursor.value);
      const same = select(`a.${order.column} = ${value} AND ${ties}`);
      const past = select(`a.${order.column} ${beyond(order.columnDir)} ${value}`);
      inner = `SELECT * FROM (${same} UNION ALL ${past}) u ORDER BY ${orderText(order, "u")}
        LIMIT ${bind(limit)}`;
    }
  }
  const matched = matchFirst
    ? `WITH matched AS MATERIALIZED (SELECT ${COLUMNS} FROM alert a WHERE ${where.text}) `
    : "";
  const total = matchFirst ? ", (SELECT count(*) FROM matched)::int AS matched_total" : "";
  const text = `${matched}SELECT p.*, s.name AS suppressed_by_name${total}
    FROM (${inner}) p LEFT JOIN allowlist_entry s ON s.id = p.suppressed_by_id
    ORDER BY ${orderText(order, "p")}`;
  return { text, values };
}
