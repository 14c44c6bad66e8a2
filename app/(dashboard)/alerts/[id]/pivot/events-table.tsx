import type { PivotEvent } from "@/lib/events/queries";

/** The pivot's events, in the alerts table's style; the alert's own event is marked. */
export function EventsTable({ rows, current }: { rows: PivotEvent[]; current: bigint }) {
  return (
    <div className="table-wrap">
      <table className="data" aria-label="Events">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Source</th>
            <th scope="col">Operation</th>
            <th scope="col">Actor</th>
            <th scope="col">Source IP</th>
            <th scope="col">Account</th>
            <th scope="col">Outcome</th>
            <th scope="col">User agent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id.toString()} aria-current={e.id === current ? "true" : undefined}>
              <td className="mono nowrap">{e.eventTime.toISOString()}</td>
              <td>{e.sourceTable}</td>
              <td className="wrap">{e.operation}</td>
              <td className="wrap">{e.actor}</td>
              <td className="nowrap">{e.sourceIp ?? ""}</td>
              <td className="nowrap">{e.account}</td>
              <td>{e.outcome}</td>
              <td className="wrap">{e.userAgent}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
