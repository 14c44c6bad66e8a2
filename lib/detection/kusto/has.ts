/**
 * Kusto's `has` and `has_any`, reproduced from spec/detection.md section 2 (rules R1-R8) and
 * checked against fixtures/vectors/has.json.
 */

// R1/R3/R4: a term character is a Unicode letter or decimal digit; everything else, `_`,
// superscripts, fractions and Roman numerals included, is a delimiter.
const TERM_CHAR = /^[\p{L}\p{Nd}]$/u;
const ASCII_ONLY = /^\p{ASCII}*$/u;

/** True when `needle` occurs in `haystack` as whole terms (R1-R7). An empty needle matches all. */
export function has(haystack: string, needle: string): boolean {
  if (needle === "") return true;
  return occursOnTermEdges(folded(haystack), folded(needle));
}

/** True when any needle matches (R8); an empty list matches nothing. */
export function hasAny(haystack: string, needles: readonly string[]): boolean {
  return firstMatchingNeedle(haystack, needles) !== null;
}

/** The first needle of the list that `haystack` has, as written in the list; null when none. */
export function firstMatchingNeedle(haystack: string, needles: readonly string[]): string | null {
  const text = folded(haystack);
  for (const needle of needles) {
    if (needle === "" || occursOnTermEdges(text, folded(needle))) return needle;
  }
  return null;
}

/** A string and its case fold, which has the same length: folding is one code point for one. */
interface Folded {
  original: string;
  fold: string;
}

function folded(value: string): Folded {
  return { original: value, fold: foldCase(value) };
}

/**
 * The reference algorithm of section 2: find the folded needle in the folded value and accept
 * an occurrence when each needle edge that is a term character sits next to a delimiter or the
 * end of the value (R5). Terms are those of the value as written (R1): edges are judged on its
 * own characters, since folding can turn a combining mark (U+0345) into a letter.
 */
function occursOnTermEdges(haystack: Folded, needle: Folded): boolean {
  const needsLeftEdge = isTermChar(firstCodePoint(needle.original));
  const needsRightEdge = isTermChar(lastCodePoint(needle.original));
  const { fold } = haystack;

  for (let at = fold.indexOf(needle.fold); at !== -1; at = fold.indexOf(needle.fold, at + 1)) {
    const end = at + needle.fold.length;
    if (needsLeftEdge && isTermChar(codePointBefore(haystack.original, at))) continue;
    if (needsRightEdge && isTermChar(codePointAt(haystack.original, end))) continue;
    return true;
  }
  return false;
}

/**
 * R2: Unicode simple case folding, code point by code point (upper, then lower) so that each
 * code point folds to exactly one: final sigma, long s and the Kelvin sign fold, and term edges
 * stay where they were. A code point whose mapping would expand (German sharp s upper-cases to
 * "SS") keeps its one-to-one lower case, or itself. Where that differs from CaseFolding.txt's
 * simple folding, SIMPLE_FOLDING_EXCEPTIONS decides (has.test.ts holds every cased code point
 * to the `iu` regular expression flag, which applies the simple folding).
 */
export function foldCase(value: string): string {
  if (ASCII_ONLY.test(value)) return value.toLowerCase();

  let folded = "";
  for (const char of value) folded += foldCodePoint(char);
  return folded;
}

// Dotless i has no folding (upper-then-lower would make it "i"); the others fold together in
// CaseFolding.txt although neither upper-cases to one code point.
const SIMPLE_FOLDING_EXCEPTIONS: Readonly<Record<string, string>> = {
  "\u0131": "\u0131",
  "\u1fd3": "\u0390",
  "\u1fe3": "\u03b0",
  "\ufb05": "\ufb06",
};

function foldCodePoint(char: string): string {
  const exception = SIMPLE_FOLDING_EXCEPTIONS[char];
  if (exception !== undefined) return exception;
  const lower = char.toLowerCase();
  const viaUpper = char.toUpperCase().toLowerCase();
  if (isOneCodePoint(viaUpper)) return viaUpper;
  return isOneCodePoint(lower) ? lower : char;
}

function isOneCodePoint(value: string): boolean {
  const first = value.codePointAt(0);
  return first !== undefined && value.length === (first > 0xffff ? 2 : 1);
}

function isTermChar(char: string): boolean {
  return char !== "" && TERM_CHAR.test(char);
}

function firstCodePoint(value: string): string {
  return codePointAt(value, 0);
}

function lastCodePoint(value: string): string {
  return codePointBefore(value, value.length);
}

/** The code point starting at UTF-16 index `at`, or "" past the end. */
function codePointAt(value: string, at: number): string {
  const point = value.codePointAt(at);
  return point === undefined ? "" : String.fromCodePoint(point);
}

/** The code point ending just before UTF-16 index `at`, or "" at the start. */
function codePointBefore(value: string, at: number): string {
  if (at <= 0) return "";
  const pairStart = at - 2;
  const isPair = pairStart >= 0 && (value.codePointAt(pairStart) ?? 0) > 0xffff;
  return codePointAt(value, isPair ? pairStart : at - 1);
}
