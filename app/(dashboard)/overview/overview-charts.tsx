"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { Overview } from "@/lib/alerts/overview";
import { type AlertQuery, alertsHref } from "../alerts/alerts-url";

const SEVERITY_COLORS: Record<string, string> = {
  critical: "#7a1010",
  high: "#c0392b",
  medium: "#c26a00",
  low: "#0b5cad",
};
const RULE_SHADES = [1, 0.6];

interface DayRow {
  day: string;
  counts: Partial<Record<string, number>>;
}

/** Every figure of the overview; a click on a bar opens the alerts it counts. */
export function OverviewCharts({ overview, query }: { overview: Overview; query: AlertQuery }) {
  const router = useRouter();
  const open = (changes: Record<string, string | undefined>) =>
    router.push(alertsHref(query, { ...changes, page: undefined }));

  return (
    <div className="overview-grid">
      <AlertsByDay points={overview.byDay} open={open} />
      <TopChart
        title="Top operations"
        rows={overview.topOperations}
        onPick={(key) => open({ operationIs: key })}
      />
      <TopChart
        title="Top actors"
        rows={overview.topActors}
        onPick={(key) => open({ actorIs: key })}
      />
      <TopChart
        title="Open and suppressed"
        rows={[
          { key: "Open, not suppressed", count: overview.suppression.open },
          { key: "Suppressed", count: overview.suppression.suppressed },
        ]}
        onPick={(key) =>
          open(
            key === "Suppressed"
              ? { suppression: "suppressed", status: undefined }
              : { suppression: "active", status: "open" },
          )
        }
      />
    </div>
  );
}

type Open = (changes: Record<string, string | undefined>) => void;

function AlertsByDay({ points, open }: { points: Overview["byDay"]; open: Open }) {
  const { rows, series } = useMemo(() => byDay(points), [points]);
  if (rows.length === 0) return <p className="panel">No alerts in this range.</p>;

  return (
    <figure className="panel">
      <figcaption>Alerts per day (UTC) by rule and severity</figcaption>
      <BarChart responsive data={rows} style={{ width: "100%", height: 260 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <Tooltip isAnimationActive={false} />
        <Legend />
        {series.map(({ key, rule, severity, shade }) => (
          <Bar
            key={key}
            name={key}
            dataKey={(row: DayRow) => row.counts[key] ?? 0}
            stackId="day"
            fill={SEVERITY_COLORS[severity] ?? "#56606b"}
            fillOpacity={shade}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_bar, index) => {
              const day = rows[index]?.day;
              if (day) open({ ...dayRange(day), rule, severity, range: "all" });
            }}
          />
        ))}
      </BarChart>
    </figure>
  );
}

function TopChart(props: {
  title: string;
  rows: { key: string; count: number }[];
  onPick: (key: string) => void;
}) {
  const { title, rows, onPick } = props;
  const data = rows.map((row) => ({ label: row.key || "(none)", key: row.key, count: row.count }));

  return (
    <figure className="panel">
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <BarChart
          responsive
          layout="vertical"
          data={data}
          style={{ width: "100%", height: 40 + data.length * 26 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 11 }} />
          <Tooltip isAnimationActive={false} />
          <Bar
            dataKey="count"
            name="Alerts"
            fill="#0b5cad"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_bar, index) => {
              const row = data[index];
              if (row) onPick(row.key);
            }}
          />
        </BarChart>
      )}
      <ul className="visually-hidden">
        {data.map((row) => (
          <li key={row.key}>
            {row.label}: {row.count}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function byDay(points: Overview["byDay"]) {
  const days = new Map<string, DayRow>();
  const series = new Map<string, { key: string; rule: string; severity: string; shade: number }>();
  const rules = [...new Set(points.map((p) => p.rule))].sort();
  for (const point of points) {
    const key = `${point.rule} · ${point.severity}`;
    const shade = RULE_SHADES[rules.indexOf(point.rule) % RULE_SHADES.length] ?? 1;
    series.set(key, { key, rule: point.rule, severity: point.severity, shade });
    const row = days.get(point.day) ?? { day: point.day, counts: {} };
    row.counts[key] = (row.counts[key] ?? 0) + point.count;
    days.set(point.day, row);
  }
  return {
    rows: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    series: [...series.values()].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

function dayRange(day: string): { from: string; to: string } {
  const start = new Date(`${day}T00:00:00.000Z`);
  const end = new Date(start.getTime() + 86_400_000 - 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
