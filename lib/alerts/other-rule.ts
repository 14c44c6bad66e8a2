import { compareRules } from "../detection/compare";
import { RULES } from "../detection/rules";
import type { DetectionRule, RuleId, RuleOutcome } from "../detection/rules/rule";
import { storedRuleInput } from "../detection/stored-input";
import { alertGroupKey } from "./candidates";
import { alertIdByKey } from "./queries";

/** What the rule that did not raise an alert makes of the alert's event. */
export interface OtherRuleView {
  rule: { id: RuleId; name: string; version: number };
  fires: boolean;
  /** Its explanation when it fires; otherwise why not ("… does not fire because <reason>"). */
  reason: string;
  /** One sentence on where the two rules disagree about the event, or null when they agree. */
  disagreement: string | null;
  /** The other rule's alert on this event (or its operation), when there is one. */
  otherAlertId: bigint | null;
  /** Whether the alert's own rule, as the code now has it, still fires on the event. */
  ownRuleFires: boolean;
}

interface AlertWithEvent {
  rule: string;
  eventId: bigint;
  event: { sourceTable: string; eventTime: Date; sentinel: unknown };
}

/**
 * Both rules judge the alert's stored event again (pure and cheap), so the view shows their
 * current versions' verdicts. Null for an alert of a rule this code no longer has.
 */
export async function otherRuleView(alert: AlertWithEvent): Promise<OtherRuleView | null> {
  const own = RULES.find((rule) => rule.id === alert.rule);
  const other = RULES.find((rule) => rule.id !== alert.rule);
  if (own === undefined || other === undefined) return null;

  const input = storedRuleInput({
    source_table: alert.event.sourceTable,
    event_time: alert.event.eventTime,
    sentinel: alert.event.sentinel,
  });
  const outcomes = new Map(RULES.map((rule) => [rule.id, rule.evaluate(input)]));
  const parity = outcomes.get("sentinel-parity");
  const hardened = outcomes.get("hardened");
  const otherOutcome = outcomes.get(other.id);
  if (parity === undefined || hardened === undefined || otherOutcome === undefined) return null;

  return {
    rule: { id: other.id, name: other.name, version: other.version },
    fires: otherOutcome.matched,
    reason: otherOutcome.matched ? otherOutcome.match.explanation : otherOutcome.reason,
    disagreement: compareRules(parity, hardened),
    otherAlertId: await otherAlertId(other, otherOutcome, alert.eventId),
    ownRuleFires: outcomes.get(own.id)?.matched ?? false,
  };
}

async function otherAlertId(
  rule: DetectionRule,
  outcome: RuleOutcome,
  eventId: bigint,
): Promise<bigint | null> {
  if (!outcome.matched) return null;
  return alertIdByKey(rule.id, alertGroupKey(outcome.match, eventId));
}
