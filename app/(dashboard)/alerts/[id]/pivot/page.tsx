import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAlert } from "@/lib/alerts/queries";
import { requireUser } from "@/lib/auth/guard";
import { pivotEvents } from "@/lib/events/queries";
import { parseAlertId } from "../alert-id";
import { EventsTable } from "./events-table";
import { parsePivotParams } from "./pivot-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Related events" };

const PAGE_SIZE = 100;

interface PivotPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PivotPage({ params, searchParams }: PivotPageProps) {
  await requireUser("viewer");
  const id = parseAlertId((await params).id);
  const alert = id === null ? null : await getAlert(id);
  if (!alert) notFound();
  const { by, window, page } = parsePivotParams(await searchParams);
  const key = by === "ip" ? { sourceIp: alert.sourceIp } : { actor: alert.actor };
  // An alert without a source IP has no IP to pivot on: nothing to list.
  const { rows, total } =
    by === "ip" && !alert.sourceIp
      ? { rows: [], total: 0 }
      : await pivotEvents({
          actor: key.actor,
          sourceIp: key.sourceIp ?? undefined,
          around: alert.eventTime,
          windowMinutes: window,
          page,
          pageSize: PAGE_SIZE,
        });
  const subject = by === "ip" ? `source IP ${alert.sourceIp ?? "(none)"}` : `actor ${alert.actor}`;
  const pageHref = (n: number) =>
    `/alerts/${id}/pivot?${new URLSearchParams({ by, window: String(window), page: String(n) })}`;

  return (
    <>
      <p>
        <Link href={`/alerts/${id}`}>← Alert {String(id)}</Link>
      </p>
      <h1>Related events</h1>
      <p className="isolate">
        {total} {total === 1 ? "event" : "events"} of the {subject}, {window} minutes either side of{" "}
        {alert.eventTime.toISOString()}.
      </p>
      <EventsTable rows={rows} current={alert.eventId} />
      <nav className="pager" aria-label="Pages">
        {page > 1 ? <Link href={pageHref(page - 1)}>Previous page</Link> : null}
        {page * PAGE_SIZE < total ? <Link href={pageHref(page + 1)}>Next page</Link> : null}
      </nav>
    </>
  );
}
