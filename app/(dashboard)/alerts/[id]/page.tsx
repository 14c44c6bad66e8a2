import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { otherRuleView } from "@/lib/alerts/other-rule";
import { getAlert } from "@/lib/alerts/queries";
import { alertActivity } from "@/lib/alerts/triage";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { AlertActivity } from "./activity";
import { parseAlertId } from "./alert-id";
import { AlertSummary } from "./alert-summary";
import { CommentForm } from "./comment-form";
import { EventFields } from "./event-fields";
import { OtherRule } from "./other-rule";
import { PivotLinks } from "./pivot-links";
import { RawRecord } from "./raw-record";
import { commentOnAlert, triageAlert } from "./triage-actions";
import { TriageForm } from "./triage-form";

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
  const [otherRule, activity] = await Promise.all([otherRuleView(alert), alertActivity(alert.id)]);
  const canTriage = hasRole(user.role, "analyst");
  const alertId = alert.id.toString();

  return (
    <>
      <p>
        <Link href="/alerts">← Alerts</Link>
      </p>
      <h1 className="isolate">
        <bdi>{alert.operation || "(no operation)"}</bdi> by{" "}
        <bdi>{alert.actor || "(unknown actor)"}</bdi>
      </h1>
      <div className="columns">
        <AlertSummary alert={alert} canAllowlist={hasRole(user.role, "admin")} />
        <EventFields event={alert.event} />
      </div>
      {canTriage ? (
        <TriageForm
          action={triageAlert.bind(null, alertId)}
          rule={alert.rule}
          status={alert.status}
          classification={alert.classification}
          assignee={alert.assignee}
        />
      ) : null}
      <AlertActivity
        activity={activity}
        form={canTriage ? <CommentForm action={commentOnAlert.bind(null, alertId)} /> : null}
      />
      <PivotLinks alertId={alertId} sourceIp={alert.sourceIp} />
      <OtherRule view={otherRule} alert={alert} />
      <RawRecord raw={alert.event.raw} eventId={alert.event.id} />
    </>
  );
}
