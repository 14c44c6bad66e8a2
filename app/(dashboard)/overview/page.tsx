import type { Metadata } from "next";
import Link from "next/link";
import { alertOverview } from "@/lib/alerts/overview";
import { parseAlertPage, TIME_RANGES } from "@/lib/alerts/schemas";
import { requireUser } from "@/lib/auth/guard";
import { alertQuery, alertsHref } from "../alerts/alerts-url";
import { RANGE_LABELS } from "../alerts/labels";
import { OverviewCharts } from "./overview-charts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Overview" };

interface OverviewPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function OverviewPage({ searchParams }: OverviewPageProps) {
  await requireUser("viewer");
  const page = parseAlertPage(await searchParams);
  const overview = await alertOverview(page);
  const query = alertQuery(page);
  const ranges = Object.keys(TIME_RANGES) as (keyof typeof TIME_RANGES)[];

  return (
    <>
      <h1>Overview</h1>
      <nav className="actions" aria-label="Time range">
        {ranges.map((range) => (
          <Link
            key={range}
            href={`/overview?${new URLSearchParams({ ...query, range })}`}
            aria-current={range === page.range ? "page" : undefined}
          >
            {RANGE_LABELS[range]}
          </Link>
        ))}
        <Link href={alertsHref(query)}>Open these alerts</Link>
      </nav>
      <p className="hint">Click a bar to open the alerts it counts.</p>
      <OverviewCharts overview={overview} query={query} />
    </>
  );
}
