import type { AlertDetail } from "@/lib/alerts/queries";

type StoredEvent = AlertDetail["event"];

/** The event's normalised fields as a definition list; empty values say so. */
export function EventFields({ event }: { event: StoredEvent }) {
  const outcome = event.outcomeCode ? `${event.outcome} (${event.outcomeCode})` : event.outcome;
  const fields: [string, string][] = [
    ["Time (UTC)", event.eventTime.toISOString()],
    ["Source", event.sourceTable],
    ["Kind", event.kind],
    ["Operation", event.operation],
    ["Actor", event.actor],
    ["Actor type", event.actorType],
    ["Source IP", event.sourceIp ?? ""],
    ["Source host", event.sourceHost],
    ["Account", event.account],
    ["Region", event.region],
    ["User agent", event.userAgent],
    ["Outcome", outcome],
    ["Native id", event.nativeId ?? ""],
    ["Correlation id", event.correlationId],
    ["Flags", event.flags.join(", ")],
    ["Ingested (UTC)", event.ingestedAt.toISOString()],
  ];

  return (
    <section className="panel" aria-labelledby="event-heading">
      <h2 id="event-heading">Event</h2>
      <dl className="fields">
        {fields.map(([label, value]) => (
          <Field key={label} label={label} value={value} />
        ))}
      </dl>
    </section>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={value ? undefined : "muted"}>{value || "(none)"}</dd>
    </>
  );
}
