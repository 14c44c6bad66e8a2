import type { FalsePositiveNote } from "./false-positive-notes";
import { falsePositiveNotes } from "./false-positive-notes";
import { RULES } from "./rules";
import type { DetectionRule, RuleId, RuleInput, RuleOutcome } from "./rules/rule";

export interface RuleResult {
  ruleId: RuleId;
  ruleVersion: number;
  outcome: RuleOutcome;
  /** False-positive notes for an alert; [] when the rule did not match. */
  notes: FalsePositiveNote[];
}

/**
 * Every rule's verdict on one event: the one call the ingest pipeline makes per event. Re-evaluation
 * passes only the rules whose version changed (and tests pass modified rules).
 */
export function evaluateRules(
  input: RuleInput,
  rules: readonly DetectionRule[] = RULES,
): RuleResult[] {
  const outcomes = rules.map((rule) => ({ rule, outcome: rule.evaluate(input) }));

  // Notes depend on the event only; build them once, and only when some rule raises an alert.
  const anyMatch = outcomes.some(({ outcome }) => outcome.matched);
  const notes = anyMatch ? falsePositiveNotes(input) : [];

  return outcomes.map(({ rule, outcome }) => ({
    ruleId: rule.id,
    ruleVersion: rule.version,
    outcome,
    notes: outcome.matched ? notes : [],
  }));
}
