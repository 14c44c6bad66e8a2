import type { AllowlistEntryView } from "@/lib/allowlist/store";
import { deleteEntry } from "./actions";
import { DeleteEntryButton } from "./delete-entry-button";

/** The allowlist; the entry just created, if any, is marked. */
export function EntriesTable(props: {
  entries: AllowlistEntryView[];
  createdId?: string;
  canEdit: boolean;
}) {
  const { entries, createdId, canEdit } = props;
  if (entries.length === 0) {
    return <p className="panel">No entries yet. Every alert is active.</p>;
  }

  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Actor pattern</th>
            <th scope="col">Reason</th>
            <th scope="col">Owner</th>
            <th scope="col">Expires (UTC)</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Suppressing now
            </th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} aria-current={entry.id === createdId ? "true" : undefined}>
              <th scope="row">{entry.name}</th>
              <td className="wrap mono">{entry.actorPattern}</td>
              <td>{entry.reason}</td>
              <td>{entry.owner}</td>
              <td className="mono">{entry.expiresAt.toISOString()}</td>
              <td>{entryState(entry)}</td>
              <td className="num">{entry.suppressing}</td>
              {canEdit ? (
                <td>
                  <DeleteEntryButton name={entry.name} action={deleteEntry.bind(null, entry.id)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function entryState(entry: AllowlistEntryView): string {
  if (entry.lapsed) return "Lapsed";
  return entry.enabled ? "Active" : "Disabled";
}
