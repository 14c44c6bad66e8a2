import type { ReactNode } from "react";
import type { alertActivity } from "@/lib/alerts/triage";

type Activity = Awaited<ReturnType<typeof alertActivity>>;

/** The alert's comments and the history of its triage changes, oldest first. */
export function AlertActivity({ activity, form }: { activity: Activity; form: ReactNode }) {
  const { comments, changes } = activity;

  return (
    <div className="columns">
      <section className="panel" aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        {comments.length === 0 ? <p className="hint">No comments yet.</p> : null}
        <ul className="history-list" aria-label="Comments">
          {comments.map((c) => (
            <li key={c.id.toString()}>
              <span className="muted isolate">
                {c.author}, {c.createdAt.toISOString()}
              </span>
              <p className="isolate pre-line">{c.body}</p>
            </li>
          ))}
        </ul>
        {form}
      </section>
      <section className="panel" aria-labelledby="changes-heading">
        <h2 id="changes-heading">History</h2>
        {changes.length === 0 ? (
          <p className="hint">No changes yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data" aria-label="Changes">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Field</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id.toString()}>
                    <td className="mono nowrap">{c.at.toISOString()}</td>
                    <td>{c.by}</td>
                    <td>{c.field}</td>
                    <td>{c.oldValue ?? "(none)"}</td>
                    <td>{c.newValue ?? "(none)"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
