"use client";

import { type Header, type RowSelectionState, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { type AlertQuery, alertsHref } from "./alerts-url";
import { BulkBar } from "./bulk-bar";
import { cellClass, columns, features, selectColumn } from "./columns";
import { countLabel } from "./labels";
import { Pager } from "./pager";
import type { AlertRowView } from "./row-view";

export interface AlertsTableProps {
  rows: AlertRowView[];
  total: number;
  /** `total` is an estimate: the page says "about". */
  totalEstimated: boolean;
  next: string | null;
  previous: string | null;
  sort: string;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
  query: AlertQuery;
  /** Analysts and admins see the selection checkboxes and the bulk actions. */
  canTriage: boolean;
}

/**
 * The alerts page as the server sorted and sliced it. Sorting and paging are URL changes, so the
 * table runs in manual mode and only renders what it is given.
 */
export function AlertsTable(props: AlertsTableProps) {
  const { rows, total, totalEstimated, sort, dir, page, pageSize, query, canTriage } = props;
  const totalLabel = countLabel(total, totalEstimated);
  const sorting = useMemo(() => [{ id: sort, desc: dir === "desc" }], [sort, dir]);
  const pagination = useMemo(() => ({ pageIndex: page - 1, pageSize }), [page, pageSize]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const shown = useMemo(() => (canTriage ? [selectColumn, ...columns] : columns), [canTriage]);
  const table = useTable({
    features,
    columns: shown,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, pagination, rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: canTriage,
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });

  return (
    <section aria-label="Alerts">
      {canTriage ? (
        <BulkBar
          selectedIds={Object.keys(rowSelection)}
          totalLabel={totalLabel}
          query={query}
          onDone={() => setRowSelection({})}
        />
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} query={query}>
                    <table.FlexRender header={header} />
                  </HeaderCell>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className={cellClass(cell.column.id)}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        totalLabel={totalLabel}
        page={page}
        pageCount={Math.max(1, table.getPageCount())}
        pageCountEstimated={totalEstimated}
        next={props.next}
        previous={props.previous}
        query={query}
      />
    </section>
  );
}

type AlertHeader = Header<typeof features, AlertRowView, unknown>;

function HeaderCell(props: { header: AlertHeader; query: AlertQuery; children: React.ReactNode }) {
  const { header, query, children } = props;
  const column = header.column;
  if (!column.getCanSort()) return <th scope="col">{children}</th>;

  const sorted = column.getIsSorted();
  const next = column.getNextSortingOrder() || column.getFirstSortDir();
  const href = alertsHref(query, { sort: column.id, dir: next });
  const ariaSort = sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link href={href} className="sort-link" prefetch={false} scroll={false}>
        {children}
        {sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}
      </Link>
    </th>
  );
}
