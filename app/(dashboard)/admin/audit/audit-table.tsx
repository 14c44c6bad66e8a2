import type { AuditEventRow } from "@/lib/audit/store";

/** Every value here may come from outside (an attempted email, a name): rendered as text only. */
export function AuditTable({ rows }: { rows: AuditEventRow[] }) {
  if (rows.length === 0) return <p className="panel">Nothing recorded yet.</p>;

  return (
    <div className="table-wrap">
      <table className="data" aria-label="Audit records">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Action</th>
            <th scope="col">By</th>
            <th scope="col">Via</th>
            <th scope="col">Address</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id.toString()}>
              <td className="mono nowrap">{row.at.toISOString()}</td>
              <td className="nowrap">{row.action}</td>
              <td>{row.actorEmail ?? "—"}</td>
              <td>{row.via}</td>
              <td className="mono">{row.ip ?? "—"}</td>
              <td className="wrap">{row.target ?? "—"}</td>
              <td className="wrap mono">{JSON.stringify(row.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
