import { hash } from "node:crypto";

// A btree index entry holds at most about 2,700 bytes (a third of a page), and a character
// takes up to 4 bytes in UTF-8: values indexed whole are kept to a few hundred characters.

/**
 * A key as an index can hold it: itself, or `label-sha256:` and its digest when it is longer
 * than `maxChars`, which tells keys apart just as well.
 */
export function indexableKey(key: string, maxChars: number, label: string): string {
  return key.length > maxChars ? `${label}-sha256:${hash("sha256", key)}` : key;
}
