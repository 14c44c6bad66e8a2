/** Every Unicode scalar value (surrogates excluded) from `first` on, as a string. */
export function* everyCodePoint(first = 0): Generator<string> {
  for (let point = first; point <= 0x10ffff; point += 1) {
    if (point >= 0xd800 && point <= 0xdfff) continue;
    yield String.fromCodePoint(point);
  }
}
