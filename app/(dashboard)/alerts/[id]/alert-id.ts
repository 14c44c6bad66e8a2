const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** The alert id in a URL segment, or null when it cannot be a stored id. */
export function parseAlertId(segment: string): bigint | null {
  if (!/^[1-9][0-9]{0,18}$/.test(segment)) return null;
  const id = BigInt(segment);
  return id <= MAX_BIGINT ? id : null;
}
