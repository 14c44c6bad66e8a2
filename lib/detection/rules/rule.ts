import type { SentinelRow, SourceTable } from "../../events/types";

/** One event as a rule sees it: the Sentinel table row and its TimeGenerated. */
export interface RuleInput {
  table: SourceTable;
  timeGenerated: Date;
  row: SentinelRow;
}

export type Severity = "critical" | "high" | "medium" | "low";
export type Confidence = "high" | "medium" | "low";

export interface RuleMatch {
  severity: Severity;
  confidence: Confidence;
  /** Why the event matched, readable at a glance: which needle or list entry, which column. */
  explanation: string;
  /** The needle or list entry that matched, as the rule lists it. */
  matched: string;
  /**
   * Alerts of one rule with the same key merge into one alert. "" means one alert per event: the
   * caller keys the alert by the event instead.
   */
  groupKey: string;
}

/**
 * What a rule decided. A miss carries the reason in words that finish the sentence "this rule
 * does not fire because …", so the two rules can be compared exactly.
 */
export type RuleOutcome = { matched: true; match: RuleMatch } | { matched: false; reason: string };

export type RuleId = "sentinel-parity" | "hardened";

export interface DetectionRule {
  id: RuleId;
  name: string;
  /** Bumped when the predicate changes; stored events are then evaluated again. */
  version: number;
  evaluate(input: RuleInput): RuleOutcome;
}

export function matched(match: RuleMatch): RuleOutcome {
  return { matched: true, match };
}

export function missed(reason: string): RuleOutcome {
  return { matched: false, reason };
}
