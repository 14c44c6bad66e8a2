import Link from "next/link";

/** Links to the events around the alert that share its actor or its source IP. */
export function PivotLinks({ alertId, sourceIp }: { alertId: string; sourceIp: string | null }) {
  const href = (by: "actor" | "ip", window: number) =>
    `/alerts/${alertId}/pivot?${new URLSearchParams({ by, window: String(window) })}`;

  return (
    <section className="panel" aria-labelledby="pivot-heading">
      <h2 id="pivot-heading">Investigate</h2>
      <p className="actions">
        <Link href={href("actor", 60)}>Same actor, ±1 hour</Link>
        <Link href={href("actor", 1440)}>Same actor, ±1 day</Link>
        {sourceIp ? (
          <>
            <Link href={href("ip", 60)}>Same source IP, ±1 hour</Link>
            <Link href={href("ip", 1440)}>Same source IP, ±1 day</Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
