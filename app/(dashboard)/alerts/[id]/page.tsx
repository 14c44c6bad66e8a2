import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getAlert } from "@/lib/alerts/queries";
import { parseAlertId } from "./alert-id";
import { AlertSummary } from "./alert-summary";
import { EventFields } from "./event-fields";
import { RawRecord } from "./raw-record";

export const dynamic = "force-dynamic";

interface AlertPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: AlertPageProps): Promise<Metadata> {
  return { title: `Alert ${(await params).id}` };
}

export default async function AlertDetailPage({ params }: AlertPageProps) {
  const id = parseAlertId((await params).id);
  const alert = id === null ? null : await getAlert(id);
  if (!alert) notFound();

  return (
    <>
      <p>
        <Link href="/alerts">← Alerts</Link>
      </p>
      <h1>
        {alert.operation || "(no operation)"} by {alert.actor || "(unknown actor)"}
      </h1>
      <div className="columns">
        <AlertSummary alert={alert} />
        <EventFields event={alert.event} />
      </div>
      <RawRecord raw={alert.event.raw} />
    </>
  );
}
