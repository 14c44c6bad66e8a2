/** An object's keys in canonical order, each with its JSON text and the separators around it. */
export interface SortedKeys {
  readonly keys: readonly string[];
  /** `"key":` for the first key, `,"key":` for the others. */
  readonly prefixes: readonly string[];
}

interface Shape extends SortedKeys {
  /** The keys as Object.keys gave them, which the cached order is for. */
  readonly order: readonly string[];
}

// Records of one kind repeat a few hundred key lists (shapes), so each is sorted and escaped once.
// Shapes are found by their first key, then compared key by key (parsed keys are internalised
// strings, so that is cheap). Bounded: a file of ever-new shapes stops adding to the cache, and a
// key list longer than MAX_SHAPE_KEYS is never kept.
const MAX_SHAPES = 10_000;
const MAX_SHAPES_PER_FIRST_KEY = 8;
const MAX_SHAPE_KEYS = 64;
const byFirstKey = new Map<string, Shape[]>();
let shapeCount = 0;

/** Keys sorted by UTF-16 code units (Array.prototype.sort's default), with their JSON texts. */
export function sortedKeys(keys: readonly string[]): SortedKeys {
  const first = keys[0] as string;
  const candidates = byFirstKey.get(first);
  const known = candidates === undefined ? undefined : findShape(candidates, keys);
  if (known !== undefined) return known;

  const sorted = [...keys].sort();
  const prefixes = sorted.map((key, i) => `${i === 0 ? "" : ","}${JSON.stringify(key)}:`);
  const shape: Shape = { order: keys, keys: sorted, prefixes };
  if (keys.length <= MAX_SHAPE_KEYS && shapeCount < MAX_SHAPES) {
    if (candidates === undefined) byFirstKey.set(first, [shape]);
    else if (candidates.length < MAX_SHAPES_PER_FIRST_KEY) candidates.push(shape);
    else return shape;
    shapeCount += 1;
  }
  return shape;
}

function findShape(candidates: readonly Shape[], keys: readonly string[]): Shape | undefined {
  for (const shape of candidates) {
    if (sameKeys(shape.order, keys)) return shape;
  }
  return undefined;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}
