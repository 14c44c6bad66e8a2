import { sentinelWindowStart } from "../detection/rules/sentinel-query";

/** The TimeGenerated range a Sentinel run at `at` reads: after `after`, up to and with `upTo`. */
export interface RunWindow {
  after: Date;
  upTo: Date;
}

/**
 * `TimeGenerated > ago(24h)` is the query's only bound. The upper one is the run itself: at `at`
 * Sentinel holds no record stamped later, so a report for a past instant must not show events
 * that happened after it. A record stamped ahead of its arrival (clock skew) is left out too; see
 * docs/parity-report.md.
 */
export function runWindow(at: Date): RunWindow {
  return { after: sentinelWindowStart(at), upTo: at };
}
