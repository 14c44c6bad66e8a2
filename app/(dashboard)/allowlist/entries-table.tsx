import Link from "next/link";
import type { AllowlistEntryView } from "@/lib/allowlist/store";
import { deleteEntry, setEntryEnabled } from "./actions";
import { DeleteEntryButton } from "./delete-entry-button";
import { hasPassed, safeIso } from "./safe-date";
import { ToggleEntryButton } from "./toggle-entry-button";

/** The allowlist with every condition; the entry just saved, if any, is marked. */
export function EntriesTable(props: {
  entries: AllowlistEntryView[];
  markedId?: string;
  canEdit: boolean;
}) {
  const { entries, markedId, canEdit } = props;
  if (entries.length === 0) {
    return <p className="panel">No entries yet. Every alert is active.</p>;
  }

  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Conditions</th>
            <th scope="col">Reason</th>
            <th scope="col">Owner</th>
            <th scope="col">Expires (UTC)</th>
            <th scope="col">State</th>
            <th scope="col" className="num">
              Suppressing now
            </th>
            <th scope="col">Last matched (UTC)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr
              key={entry.id}
              id={`entry-${entry.id}`}
              aria-current={entry.id === markedId ? "true" : undefined}
            >
              <th scope="row">{entry.name}</th>
              <td className="long">
                <Conditions entry={entry} />
              </td>
              <td>{entry.reason}</td>
              <td>{entry.owner}</td>
              <td className="mono">{safeIso(entry.expiresAt)}</td>
              <td>{entryState(entry)}</td>
              <td className="num">{entry.suppressing}</td>
              <td className="mono">{safeIso(entry.lastMatchedAt)}</td>
              <td>
                <p className="actions">
                  <Link href={`/allowlist/history?entry=${entry.id}`}>History</Link>
                  {canEdit ? <Link href={`/allowlist/${entry.id}/edit`}>Edit</Link> : null}
                </p>
                {canEdit ? (
                  <>
                    <ToggleEntryButton
                      name={entry.name}
                      enabled={entry.enabled}
                      action={setEntryEnabled.bind(null, entry.id, !entry.enabled)}
                    />
                    <DeleteEntryButton
                      name={entry.name}
                      action={deleteEntry.bind(null, entry.id)}
                    />
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

function Conditions({ entry }: { entry: AllowlistEntryView }) {
  const rows: [string, string][] = [["Actor", entry.actorPattern]];
  if (entry.sources.length) rows.push(["Sources", entry.sources.join(", ")]);
  if (entry.operations.length) rows.push(["Operations", entry.operations.join(", ")]);
  if (entry.accounts.length) rows.push(["Accounts", entry.accounts.join(", ")]);
  if (entry.ipRanges.length) rows.push(["IP ranges", entry.ipRanges.join(", ")]);
  if (entry.userAgentPattern) rows.push(["User agent", entry.userAgentPattern]);

  return (
    <dl className="fields">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function entryState(entry: AllowlistEntryView): string {
  if (!entry.enabled) return "Disabled";
  return entry.lapsed || hasPassed(entry.expiresAt) ? "Lapsed" : "Active";
}
