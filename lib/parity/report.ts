import type pg from "pg";
import { pool } from "../db/client";
import { PARITY_PREDICATE_COLUMNS, sentinelParity } from "../detection/rules/sentinel-parity";
import {
  PARITY_PROJECTED_COLUMNS,
  type ParityReportRow,
  parityReportRow,
  sentinelQueryReturns,
} from "../detection/rules/sentinel-query";
import { storedRuleInput } from "../detection/stored-input";
import { candidateCondition } from "./candidates";
import { type ParitySource, paritySource } from "./source";
import { runWindow } from "./window";

// Rows per FETCH from the cursor: memory stays flat however busy the 24 hours were.
const FETCH_ROWS = 2000;

// Only the columns the predicate and the projection read travel (a stored row has about forty);
// a column its table lacks is left out, as "" would. Every event of a busy day may be read.
const NEEDED_COLUMNS = [...new Set([...PARITY_PREDICATE_COLUMNS, ...PARITY_PROJECTED_COLUMNS])];
if (!NEEDED_COLUMNS.every((column) => /^[A-Za-z]+$/.test(column))) {
  throw new Error("a Sentinel column name must be letters only");
}
const NEEDED_SENTINEL = `jsonb_strip_nulls(jsonb_build_object(${NEEDED_COLUMNS.map(
  (column) => `'${column}', e.sentinel->'${column}'`,
).join(", ")}))`;

// The parity rule never groups (one alert per event), so its alerts and the events they point at
// are one to one. Ties in `sort by TimeGenerated desc` have no defined order in Kusto; the event id settles them
// here so that the same data always gives the same report.
const FROM_ALERTS = `
  SELECT e.id, e.source_table, e.event_time, ${NEEDED_SENTINEL} AS sentinel
  FROM alert a JOIN event e ON e.id = a.event_id AND e.event_time = a.event_time
  WHERE a.rule = $3 AND a.rule_version = $4 AND a.resolution IS NULL
    AND a.event_time > $1 AND a.event_time <= $2
  ORDER BY e.event_time DESC, e.id DESC`;

// Every event of the window is a suspect, but only those passing the candidate condition travel
// to be judged: a busy day holds far more events than matches.
const CANDIDATES = candidateCondition(3);
const FROM_EVENTS = `
  SELECT e.id, e.source_table, e.event_time, ${NEEDED_SENTINEL} AS sentinel
  FROM event e
  WHERE e.event_time > $1 AND e.event_time <= $2 AND ${CANDIDATES.sql}
  ORDER BY e.event_time DESC, e.id DESC`;

/**
 * The rows the Sentinel query returns when run at `at`: its six projected columns, "" where
 * Sentinel has no value, newest first. Read in one snapshot, so rows ingested meanwhile cannot
 * half-appear. The database is first touched when the first row is asked for; `onSource` then
 * learns where the rows come from, before any row is given.
 */
export async function* parityReportRows(
  at: Date,
  onSource?: (source: ParitySource) => void,
): AsyncGenerator<ParityReportRow> {
  const client = await pool().connect();
  let open = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    open = true;
    const source = await paritySource(client);
    onSource?.(source);
    await declareCursor(client, source, at);

    // The next batch is asked for before this one is judged: the server reads it meanwhile.
    const fetchNext = () => client.query(`FETCH ${FETCH_ROWS} FROM parity_rows`);
    let next: Promise<pg.QueryResult> | null = fetchNext();
    while (next !== null) {
      const batch: pg.QueryResult = await next;
      next = batch.rows.length < FETCH_ROWS ? null : fetchNext();
      // A reader that stops early leaves it unread; the rollback below waits for it.
      next?.catch(() => undefined);
      for (const row of batch.rows) {
        const input = storedRuleInput(row);
        // Alerts were raised by this very predicate; stored events are judged here.
        if (source === "events" && !sentinelQueryReturns(input, at)) continue;
        yield parityReportRow(input);
      }
    }
  } finally {
    if (open) await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

async function declareCursor(client: pg.PoolClient, source: ParitySource, at: Date): Promise<void> {
  const { after, upTo } = runWindow(at);
  if (source === "alerts") {
    const values = [after, upTo, sentinelParity.id, sentinelParity.version];
    await client.query(`DECLARE parity_rows NO SCROLL CURSOR FOR ${FROM_ALERTS}`, values);
  } else {
    const values = [after, upTo, ...CANDIDATES.values];
    await client.query(`DECLARE parity_rows NO SCROLL CURSOR FOR ${FROM_EVENTS}`, values);
  }
}
