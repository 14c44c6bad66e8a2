import {
  createColumnHelper,
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import Link from "next/link";
import type { AlertRowView } from "./row-view";

export const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  rowSelectionFeature,
});

const helper = createColumnHelper<typeof features, AlertRowView>();

// Sorting happens in the database; only the columns it can order by are sortable here, and
// sortDescFirst is set on each so the first click's direction never depends on the page's rows.
const text = { enableSorting: false, sortDescFirst: false } as const;
const sortable = { enableSorting: true, sortDescFirst: false } as const;

/** The checkbox column, shown to those who may triage: selects rows for the bulk actions. */
export const selectColumn = helper.display({
  id: "select",
  header: ({ table }) => (
    <input
      type="checkbox"
      aria-label="Select all alerts on this page"
      checked={table.getIsAllPageRowsSelected()}
      ref={(box) => {
        if (box) box.indeterminate = table.getIsSomePageRowsSelected();
      }}
      onChange={table.getToggleAllPageRowsSelectedHandler()}
    />
  ),
  cell: ({ row }) => (
    <input
      type="checkbox"
      aria-label={`Select alert ${row.original.id}`}
      checked={row.getIsSelected()}
      disabled={!row.getCanSelect()}
      onChange={row.getToggleSelectedHandler()}
    />
  ),
});

export const columns = helper.columns([
  helper.accessor("eventTime", {
    header: "Time (UTC)",
    enableSorting: true,
    sortDescFirst: true,
    cell: (info) => <span className="mono">{info.getValue()}</span>,
  }),
  helper.accessor("rule", { header: "Rule", ...text }),
  helper.accessor("severity", {
    header: "Severity",
    enableSorting: true,
    sortDescFirst: true,
    cell: (info) => <span className={`badge sev-${info.getValue()}`}>{info.getValue()}</span>,
  }),
  helper.accessor("confidence", { header: "Confidence", ...text }),
  helper.accessor("sourceTable", { header: "Source", ...sortable }),
  helper.accessor("operation", {
    header: "Operation",
    ...sortable,
    cell: (info) => (
      <Link href={`/alerts/${info.row.original.id}`} prefetch={false}>
        {info.getValue() || "(no operation)"}
      </Link>
    ),
  }),
  helper.accessor("actor", { header: "Actor", ...sortable }),
  helper.accessor("sourceIp", { header: "Source IP", ...text }),
  helper.accessor("account", { header: "Account", ...text }),
  helper.accessor("outcome", { header: "Outcome", ...text }),
  helper.accessor("status", { header: "Status", ...sortable }),
  helper.accessor("suppressedBy", { header: "Suppressed by", ...text }),
]);

/** Cells whose text is long and unbroken (ARNs, UPNs, resource paths) may wrap anywhere. */
const WRAPPING: ReadonlySet<string> = new Set(["actor", "operation"]);
const UNBROKEN: ReadonlySet<string> = new Set(["eventTime", "sourceIp", "account", "severity"]);

export function cellClass(columnId: string): string | undefined {
  if (WRAPPING.has(columnId)) return "wrap";
  return UNBROKEN.has(columnId) ? "nowrap" : undefined;
}
