/** The per-file counts every ingest table shows, in one order with one set of labels. */
export const COUNT_COLUMNS = [
  ["records", "Records read"],
  ["stored", "Stored"],
  ["duplicates", "Duplicates"],
  ["idConflicts", "ID conflicts"],
  ["rejected", "Rejected"],
  ["alerts", "Alerts"],
] as const;

type CountKey = (typeof COUNT_COLUMNS)[number][0];

export function CountHeaders() {
  return COUNT_COLUMNS.map(([key, label]) => (
    <th key={key} scope="col" className="num">
      {label}
    </th>
  ));
}

export function CountCells({ counts }: { counts: Record<CountKey, number> }) {
  return COUNT_COLUMNS.map(([key]) => (
    <td key={key} className="num">
      {counts[key]}
    </td>
  ));
}
