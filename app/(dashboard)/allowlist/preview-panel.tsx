import type { AllowlistPreview } from "@/lib/allowlist/preview";

/** What the draft entry would suppress now, and a loud warning if any was a true positive. */
export function PreviewPanel({ preview }: { preview: AllowlistPreview }) {
  const { total, truePositives, groups } = preview;

  return (
    <section className="panel" aria-label="Preview">
      <h3>Preview</h3>
      {truePositives > 0 ? (
        <p className="warning-loud" role="alert">
          WARNING: {truePositives} of these {truePositives === 1 ? "alert was" : "alerts were"}{" "}
          closed as a TRUE POSITIVE. This entry would hide activity an analyst judged malicious.
          Narrow it before saving.
        </p>
      ) : null}
      <p role="status">
        This entry would suppress {total} existing {total === 1 ? "alert" : "alerts"}.
      </p>
      {groups.length > 0 ? (
        <div className="table-wrap">
          <table className="data" aria-label="Alerts it would suppress">
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">Actor</th>
                <th scope="col" className="num">
                  Alerts
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={`${g.operation}\u0000${g.actor}`}>
                  <td className="wrap">{g.operation}</td>
                  <td className="wrap">{g.actor}</td>
                  <td className="num">{g.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
