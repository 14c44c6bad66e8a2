import { foldCase } from "../detection/kusto/has";
import { PARITY_LEGS } from "../detection/rules/sentinel-parity";
import { SOURCE_TABLES } from "../events/types";

/**
 * Code points outside ASCII that foldCase (kusto/has.ts) turns into an ASCII character: long s
 * and the Kelvin sign. candidates.test.ts walks every code point to keep the list whole.
 */
export const FOLDS_INTO_ASCII: Readonly<Record<string, string>> = {
  "\u017f": "s",
  "\u212a": "k",
};

/** A LIKE pattern for "contains `text`": backslash is LIKE's default escape. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * What the leg column, lower-cased in ASCII only, must contain for has_any to be possible: a
 * folded needle, or a code point that folds into ASCII (the predicate then decides).
 */
function candidatePatterns(needles: readonly string[]): string[] {
  const folded = needles.map((needle) => {
    const text = foldCase(needle);
    if (!/^[ -~]*$/.test(text)) throw new Error(`needle ${needle} does not fold into ASCII`);
    return containsPattern(text);
  });
  return [...folded, ...Object.keys(FOLDS_INTO_ASCII).map(containsPattern)];
}

export interface CandidateCondition {
  sql: string;
  values: unknown[];
}

/**
 * A SQL condition every event the Sentinel predicate returns satisfies, for a query over
 * `event e`: if has() finds a needle in the folded leg column, the column lower-cased in ASCII
 * (COLLATE "C" leaves other letters alone, whatever the database's locale) contains it, unless a
 * code point there folds into ASCII, which is kept as well. The predicate still judges every
 * candidate (whole terms, the CloudTrail caller filter): this only spares it the rest. A table
 * without a leg is kept, for the reader to reject. Parameters are numbered from `firstParameter`.
 */
export function candidateCondition(firstParameter: number): CandidateCondition {
  const values: unknown[] = [];
  const parameter = (value: unknown) => {
    values.push(value);
    return `$${firstParameter + values.length - 1}`;
  };

  const legs = SOURCE_TABLES.map((table) => {
    const { column, needles } = PARITY_LEGS[table];
    const value = `coalesce(e.sentinel->>${parameter(column)}::text, '')`;
    const patterns = parameter(candidatePatterns(needles));
    const contains = `lower(${value} COLLATE "C") LIKE ANY (${patterns}::text[])`;
    return `(e.source_table = ${parameter(table)} AND ${contains})`;
  });
  const otherTables = `e.source_table <> ALL (${parameter([...SOURCE_TABLES])}::text[])`;

  return { sql: `(${[...legs, otherTables].join(" OR ")})`, values };
}
