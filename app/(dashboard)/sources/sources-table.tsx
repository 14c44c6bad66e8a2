import Link from "next/link";
import { SOURCE_KIND_LABELS } from "@/lib/pull/kinds";
import type { SourceListItem } from "@/lib/pull/source-store";
import { pauseSource, resumeSource, runNow } from "./actions";
import { errorLabel, every, utc } from "./format";
import { ActionButton } from "./source-buttons";

/** Every source with its last run; admins get the run and pause buttons. */
export function SourcesTable({ sources, admin }: { sources: SourceListItem[]; admin: boolean }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Schedule</th>
            <th scope="col">Last run</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Events fetched
            </th>
            <th scope="col" className="num">
              Alerts raised
            </th>
            <th scope="col">Next run</th>
            <th scope="col">Last error</th>
            {admin ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id}>
              <th scope="row">
                <Link href={`/sources/${source.id}`}>{source.name}</Link>
              </th>
              <td>{SOURCE_KIND_LABELS[source.kind] ?? source.kind}</td>
              <td>{source.enabled ? every(source.intervalMinutes) : "paused"}</td>
              <td className="mono">{utc(source.lastRun?.startedAt)}</td>
              <td>
                <Outcome source={source} />
              </td>
              <td className="num">{source.lastRun?.fetched ?? "—"}</td>
              <td className="num">{source.lastRun?.alerts ?? "—"}</td>
              <td className="mono">{nextRun(source)}</td>
              <td className="wrap">
                {source.lastRun?.error ? (
                  <>
                    <strong>{errorLabel(source.lastRun.errorKind)}:</strong> {source.lastRun.error}
                  </>
                ) : null}
              </td>
              {admin ? (
                <td className="actions">
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
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Outcome({ source }: { source: SourceListItem }) {
  const run = source.lastRun;
  if (source.runRequestedAt && run?.status !== "running") return <span>queued</span>;
  if (!run) return <span className="muted">never run</span>;
  return <span className={`badge status-${run.status}`}>{run.status}</span>;
}

function nextRun(source: SourceListItem): string {
  if (source.runRequestedAt) return "now (requested)";
  if (!source.enabled) return "—";
  return utc(source.nextRunAt);
}
