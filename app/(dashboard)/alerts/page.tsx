import type { Metadata } from "next";
import { alertsOverTime, listAlerts } from "@/lib/alerts/queries";
import { parseAlertPage } from "@/lib/alerts/schemas";
import { requireUser } from "@/lib/auth/guard";
import { AlertsChart } from "./alerts-chart";
import { AlertsTable } from "./alerts-table";
import { alertQuery } from "./alerts-url";
import { EmptyState } from "./empty-state";
import { FilterForm } from "./filter-form";
import { toRowView } from "./row-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

interface AlertsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AlertsPage({ searchParams }: AlertsPageProps) {
  await requireUser("viewer");
  const page = parseAlertPage(await searchParams);
  const [{ rows, total }, points] = await Promise.all([listAlerts(page), alertsOverTime(page)]);
  const query = alertQuery(page);

  return (
    <>
      <h1>Alerts</h1>
      <FilterForm key={JSON.stringify(query)} page={page} query={query} />
      <AlertsChart points={points} />
      {total === 0 ? (
        <EmptyState page={page} query={query} />
      ) : (
        <AlertsTable
          rows={rows.map(toRowView)}
          total={total}
          sort={page.sort}
          dir={page.dir}
          page={page.page}
          pageSize={page.pageSize}
          query={query}
        />
      )}
    </>
  );
}
