const strict = new TextDecoder("utf-8", { fatal: true });

/**
 * Whether `text`, the lenient decoding of `bytes`, holds U+FFFD put there for bytes that are not
 * UTF-8 (rather than a U+FFFD the record itself carried). Checked only when one is present.
 */
export function replacedInvalidUtf8(bytes: Uint8Array, text: string): boolean {
  if (!text.includes("\ufffd")) return false;
  try {
    strict.decode(bytes);
    return false;
  } catch {
    return true;
  }
}
