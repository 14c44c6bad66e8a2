/** The record as received, indented when it is JSON; always rendered as text. */
export function RawRecord({ raw }: { raw: string }) {
  return (
    <section className="panel" aria-labelledby="raw-heading">
      <h2 id="raw-heading">Raw record</h2>
      <pre className="raw">{prettyJson(raw)}</pre>
    </section>
  );
}

function prettyJson(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
