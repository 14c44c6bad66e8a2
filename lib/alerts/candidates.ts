import { evaluateRules } from "../detection/evaluate";
import { RULES } from "../detection/rules";
import type { DetectionRule, RuleInput, RuleMatch } from "../detection/rules/rule";
import type { NormalizedEvent } from "../events/types";
import type { AlertCandidate } from "./alert-writer";

/** A rule's match on a stored event as an alert, without the event's own fields. */
export type AlertVerdict = Omit<AlertCandidate, "event">;

/** The key that makes one alert of a rule's matches: the rule's group, or else the event. */
export function alertGroupKey(match: RuleMatch, eventId: bigint): string {
  return match.groupKey || `event:${eventId}`;
}

/** The alerts the given rules raise on one stored event. */
export function alertVerdicts(
  eventId: bigint,
  input: RuleInput,
  rules: readonly DetectionRule[] = RULES,
): AlertVerdict[] {
  const verdicts: AlertVerdict[] = [];
  for (const result of evaluateRules(input, rules)) {
    if (!result.outcome.matched) continue;
    const { match } = result.outcome;
    verdicts.push({
      rule: result.ruleId,
      ruleVersion: result.ruleVersion,
      groupKey: alertGroupKey(match, eventId),
      eventId,
      severity: match.severity,
      confidence: match.confidence,
      explanation: match.explanation,
      falsePositiveNotes: result.notes,
    });
  }
  return verdicts;
}

/** Runs every rule over stored events and returns the alerts they raise. */
export function detectAlerts(
  events: readonly { id: bigint; event: NormalizedEvent }[],
): AlertCandidate[] {
  return events.flatMap(({ id, event }) =>
    alertVerdicts(id, {
      table: event.table,
      timeGenerated: event.eventTime,
      row: event.sentinel,
    }).map((verdict) => ({ ...verdict, event })),
  );
}
