import Link from "next/link";
import type { PullRunRow } from "@/lib/pull/run-store";
import { errorLabel, utc } from "../format";

/** A source's runs, newest first: what each fetched, stored and raised, or why it stopped. */
export function RunsTable({ runs }: { runs: PullRunRow[] }) {
  if (runs.length === 0) return <p className="panel">No runs yet.</p>;
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Run history">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Trigger</th>
            <th scope="col">Outcome</th>
            <th scope="col" className="num">
              Files
            </th>
            <th scope="col" className="num">
              Events fetched
            </th>
            <th scope="col" className="num">
              Stored
            </th>
            <th scope="col" className="num">
              Duplicates
            </th>
            <th scope="col" className="num">
              Alerts raised
            </th>
            <th scope="col">Finished</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id.toString()}>
              <td className="mono">
                {run.ingestJobId ? (
                  <Link href={`/ingest/history/${run.ingestJobId}`}>{utc(run.startedAt)}</Link>
                ) : (
                  utc(run.startedAt)
                )}
              </td>
              <td>{run.trigger}</td>
              <td>
                <span className={`badge status-${run.status}`}>{run.status}</span>
              </td>
              <td className="num">{run.files}</td>
              <td className="num">{run.fetched}</td>
              <td className="num">{run.stored}</td>
              <td className="num">{run.duplicates}</td>
              <td className="num">{run.alerts}</td>
              <td className="mono">{utc(run.finishedAt)}</td>
              <td className="wrap">
                {run.error ? (
                  <>
                    <strong>{errorLabel(run.errorKind)}:</strong> {run.error}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
