"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SOURCE_TABLES } from "@/lib/events/types";

export interface DayCount {
  day: string;
  source: string;
  count: number;
}

const SOURCE_COLORS: Record<(typeof SOURCE_TABLES)[number], string> = {
  AWSCloudTrail: "#c26a00",
  AzureActivity: "#0b5cad",
  AuditLogs: "#6b3fa0",
};

interface ChartRow {
  day: string;
  counts: Partial<Record<string, number>>;
}

/** One bar per UTC day, stacked by source table. Labels are rendered by React as SVG text. */
export function AlertsChart({ points }: { points: DayCount[] }) {
  const rows = useMemo(() => byDay(points), [points]);
  const total = points.reduce((sum, p) => sum + p.count, 0);
  const present = SOURCE_TABLES.filter((s) => points.some((p) => p.source === s));

  if (rows.length === 0) return null;
  return (
    <figure className="panel">
      <figcaption className="hint">
        Alerts per day (UTC) by source: {total} over {rows.length}{" "}
        {rows.length === 1 ? "day" : "days"}
      </figcaption>
      <BarChart className="chart" responsive data={rows} style={{ width: "100%", height: 200 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="day" tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <Tooltip isAnimationActive={false} />
        <Legend />
        {present.map((source) => (
          <Bar
            key={source}
            dataKey={(row: ChartRow) => row.counts[source] ?? 0}
            name={source}
            stackId="alerts"
            fill={SOURCE_COLORS[source]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </figure>
  );
}

function byDay(points: DayCount[]): ChartRow[] {
  const days = new Map<string, ChartRow>();
  for (const point of points) {
    const row = days.get(point.day) ?? { day: point.day, counts: {} };
    row.counts[point.source] = (row.counts[point.source] ?? 0) + point.count;
    days.set(point.day, row);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}
