import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/pull/kinds";
import { listRuns } from "@/lib/pull/run-store";
import { canSealSecrets } from "@/lib/pull/secret-box";
import { formValuesOf } from "@/lib/pull/source-form";
import { getSource } from "@/lib/pull/source-store";
import { pauseSource, removeSource, resumeSource, runNow } from "../actions";
import { AutoRefresh } from "../auto-refresh";
import { every, utc } from "../format";
import { ActionButton } from "../source-buttons";
import { SourceForm } from "../source-form";
import { RunsTable } from "./runs-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Source" };

// Which alerts a source's records can raise, for the "View alerts" link.
const ALERT_SOURCE: Record<SourceKind, string | null> = {
  "aws-s3": "AWSCloudTrail",
  "aws-lookup": "AWSCloudTrail",
  "entra-graph": "AuditLogs",
  "azure-activity": "AzureActivity",
  "log-analytics": null,
};

interface SourcePageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SourcePage({ params, searchParams }: SourcePageProps) {
  const session = await requireUser("analyst");
  const admin = hasRole(session.user.role, "admin");
  const id = z.uuid().safeParse((await params).id);
  const source = id.success ? await getSource(id.data) : null;
  if (!source) notFound();
  const saved = (await searchParams).saved === "1";
  const runs = await listRuns(source.id);
  const busy = source.runRequestedAt !== null || runs[0]?.status === "running";
  const table = ALERT_SOURCE[source.kind];
  const alertsHref = `/alerts?range=all${table ? `&source=${table}` : ""}`;

  return (
    <>
      <p>
        <Link href="/sources">← Sources</Link>
      </p>
      <h1>{source.name}</h1>
      {saved ? (
        <p className="notice" role="status">
          Saved. The secrets you entered are stored encrypted and will not be shown again.
        </p>
      ) : null}
      <p>
        {SOURCE_KIND_LABELS[source.kind]} ·{" "}
        {source.enabled ? every(source.intervalMinutes) : "paused"} · next run{" "}
        {source.runRequestedAt ? "now (requested)" : source.enabled ? utc(source.nextRunAt) : "—"} ·
        stored through {utc(source.checkpoint ? new Date(source.checkpoint.through) : null)} ·{" "}
        <Link href={alertsHref}>View alerts</Link>
      </p>
      {admin ? (
        <div className="actions">
          <ActionButton
            action={runNow.bind(null, source.id)}
            label="Run now"
            busyLabel="Queuing…"
            sourceName={source.name}
          />
          <ActionButton
            action={(source.enabled ? pauseSource : resumeSource).bind(null, source.id)}
            label={source.enabled ? "Pause" : "Resume"}
            busyLabel="Saving…"
            sourceName={source.name}
          />
          <ActionButton
            action={removeSource.bind(null, source.id)}
            label="Delete"
            busyLabel="Deleting…"
            sourceName={source.name}
            danger
            confirm={`Delete the source “${source.name}” and its run history? The events it stored stay.`}
          />
        </div>
      ) : null}
      <h2>Runs</h2>
      <RunsTable runs={runs} />
      {admin ? (
        <SourceForm
          sourceId={source.id}
          initial={{ values: formValuesOf(source), fieldErrors: {}, message: null, attempt: 0 }}
          storedSecrets={source.storedSecrets}
          canSeal={canSealSecrets()}
        />
      ) : null}
      <AutoRefresh active={busy} />
    </>
  );
}
