// Rendering megabytes of text in one <pre> stalls the browser; the rest is a download away.
const SHOWN_BYTES = 256 * 1024;
// Re-indenting is for reading; past this size the parse and the doubled text are not worth it.
const PRETTY_MAX_BYTES = 64 * 1024;

/**
 * The record exactly as stored (duplicate keys, spacing and all), wrapped; an indented copy for
 * small JSON records; the first 256 KB of a big one with a link to the whole record.
 */
export function RawRecord({ raw, eventId }: { raw: string; eventId: bigint }) {
  const bytes = new TextEncoder().encode(raw);
  const cut = bytes.length > SHOWN_BYTES;
  const shown = cut ? headOf(bytes, SHOWN_BYTES) : raw;
  const pretty = bytes.length < PRETTY_MAX_BYTES ? prettyJson(raw) : null;
  const href = `/api/events/${eventId}/raw`;

  return (
    <section className="panel" aria-labelledby="raw-heading">
      <h2 id="raw-heading">Raw record</h2>
      {cut ? (
        <p className="notice">
          Showing the first 256 KB of {formatBytes(bytes.length)}.{" "}
          <a href={href} download>
            Download the whole raw record
          </a>
        </p>
      ) : (
        <p className="hint">
          As stored, byte for byte. <a href={href}>Download the raw record</a>
        </p>
      )}
      <figure className="flush" aria-label="Raw record as stored">
        <pre className="raw">{shown}</pre>
      </figure>
      {pretty === null ? null : (
        <details>
          <summary>Indented view</summary>
          <figure className="flush" aria-label="Raw record indented">
            <pre className="raw">{pretty}</pre>
          </figure>
        </details>
      )}
    </section>
  );
}

/** The first `limit` bytes as text, not splitting a UTF-8 character. */
function headOf(bytes: Uint8Array, limit: number): string {
  let end = limit;
  // Continuation bytes are 10xxxxxx: step back to the start of the character.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

function prettyJson(raw: string): string | null {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return null;
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;
}
