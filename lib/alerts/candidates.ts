import { evaluateRules } from "../detection/evaluate";
import type { NormalizedEvent } from "../events/types";
import type { AlertCandidate } from "./alert-writer";

/** Runs every rule over stored events and returns the alerts they raise. */
export function detectAlerts(
  events: readonly { id: bigint; event: NormalizedEvent }[],
): AlertCandidate[] {
  const candidates: AlertCandidate[] = [];
  for (const { id, event } of events) {
    const results = evaluateRules({
      table: event.table,
      timeGenerated: event.eventTime,
      row: event.sentinel,
    });
    for (const result of results) {
      if (!result.outcome.matched) continue;
      const { match } = result.outcome;
      candidates.push({
        rule: result.ruleId,
        ruleVersion: result.ruleVersion,
        groupKey: match.groupKey || `event:${id}`,
        eventId: id,
        event,
        severity: match.severity,
        confidence: match.confidence,
        explanation: match.explanation,
        falsePositiveNotes: result.notes,
      });
    }
  }
  return candidates;
}
