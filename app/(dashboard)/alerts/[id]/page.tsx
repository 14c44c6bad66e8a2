import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { otherRuleView } from "@/lib/alerts/other-rule";
import { getAlert } from "@/lib/alerts/queries";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { parseAlertId } from "./alert-id";
import { AlertSummary } from "./alert-summary";
import { EventFields } from "./event-fields";
import { OtherRule } from "./other-rule";
import { RawRecord } from "./raw-record";

export const dynamic = "force-dynamic";

interface AlertPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: AlertPageProps): Promise<Metadata> {
  return { title: `Alert ${(await params).id}` };
}

export default async function AlertDetailPage({ params }: AlertPageProps) {
  const { user } = await requireUser("viewer");
  const id = parseAlertId((await params).id);
  const alert = id === null ? null : await getAlert(id);
  if (!alert) notFound();
  const otherRule = await otherRuleView(alert);

  return (
    <>
      <p>
        <Link href="/alerts">← Alerts</Link>
      </p>
      <h1>
        {alert.operation || "(no operation)"} by {alert.actor || "(unknown actor)"}
      </h1>
      <div className="columns">
        <AlertSummary alert={alert} canAllowlist={hasRole(user.role, "admin")} />
        <EventFields event={alert.event} />
      </div>
      <OtherRule view={otherRule} alert={alert} />
      <RawRecord raw={alert.event.raw} />
    </>
  );
}
