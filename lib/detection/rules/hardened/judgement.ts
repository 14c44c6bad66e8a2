/** What one source's part of the hardened rule found, before severity and confidence. */
export interface ListHit {
  /** The list entry, spelled as listed. */
  entry: string;
  explanation: string;
  groupKey: string;
}

/** A hit, or why there is none ("this rule does not fire because …"). */
export type Judgement = { hit: ListHit } | { miss: string };

/** "`Column` `value` is on the X list", naming the entry when the value is spelled otherwise. */
export function onList(column: string, value: string, entry: string, list: string): string {
  if (value === entry) return `${column} \`${value}\` is on the ${list} list`;
  return `${column} \`${value}\` matches \`${entry}\` on the ${list} list`;
}
