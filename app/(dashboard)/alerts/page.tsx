import type { Metadata } from "next";
import { groupAlerts } from "@/lib/alerts/grouping";
import { alertsOverTime, listAlerts } from "@/lib/alerts/queries";
import { alertDateProblem, parseAlertPage } from "@/lib/alerts/schemas";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { AlertsChart } from "./alerts-chart";
import { AlertsTable } from "./alerts-table";
import { alertQuery } from "./alerts-url";
import { BadPageLink, badLink } from "./bad-page-link";
import { EmptyState } from "./empty-state";
import { FilterForm } from "./filter-form";
import { GroupControls, GroupsTable } from "./group-controls";
import { parseGroupBy } from "./group-param";
import { toRowView } from "./row-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

interface AlertsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AlertsPage({ searchParams }: AlertsPageProps) {
  const { user } = await requireUser("viewer");
  const params = await searchParams;
  const page = parseAlertPage(params);
  const groupBy = parseGroupBy(params.groupBy);
  const query = alertQuery(page);
  // Dropped quietly, a bad date would widen the view without the reader noticing.
  const dateProblem = alertDateProblem(params);
  if (dateProblem !== null) {
    return (
      <>
        <h1>Alerts</h1>
        <BadPageLink message={dateProblem} query={query} />
      </>
    );
  }
  const [list, points, groups] = await Promise.all([
    listAlerts(page).catch(badLink),
    alertsOverTime(page),
    groupBy ? groupAlerts(page, groupBy) : Promise.resolve(null),
  ]);
  if ("invalid" in list) {
    return (
      <>
        <h1>Alerts</h1>
        <BadPageLink message={list.invalid} query={query} />
      </>
    );
  }
  const { rows, total, totalEstimated, next, previous } = list;

  return (
    <>
      <h1>Alerts</h1>
      <FilterForm key={JSON.stringify(query)} page={page} query={query} />
      <AlertsChart points={points} />
      <GroupControls query={query} groupBy={groupBy} />
      {total === 0 ? (
        <EmptyState page={page} query={query} />
      ) : groupBy && groups ? (
        <GroupsTable groups={groups} by={groupBy} query={query} />
      ) : (
        <AlertsTable
          key={`table:${JSON.stringify(query)}:${page.page}:${page.after ?? page.before ?? ""}`}
          rows={rows.map(toRowView)}
          total={total}
          totalEstimated={totalEstimated}
          next={next}
          previous={previous}
          sort={page.sort}
          dir={page.dir}
          page={page.page}
          pageSize={page.pageSize}
          query={query}
          canTriage={hasRole(user.role, "analyst")}
        />
      )}
    </>
  );
}
