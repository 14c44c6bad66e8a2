import type { RuleOutcome } from "./rules/rule";

/**
 * One sentence on where the two rules disagree about an event, and why; null when they agree.
 * Both outcomes are per-event predicates: the Sentinel time window plays no part.
 */
export function compareRules(parity: RuleOutcome, hardened: RuleOutcome): string | null {
  if (parity.matched && !hardened.matched) return `Hardened rule drops this: ${hardened.reason}.`;
  if (!parity.matched && hardened.matched) return `Sentinel parity misses this: ${parity.reason}.`;
  return null;
}
