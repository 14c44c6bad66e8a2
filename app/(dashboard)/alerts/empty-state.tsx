import Link from "next/link";
import type { AlertPage } from "@/lib/alerts/schemas";
import { type AlertQuery, alertsHref } from "./alerts-url";
import { RANGE_LABELS, STATUS_LABELS, SUPPRESSION_LABELS } from "./labels";

/** Says which filters hid every alert, and offers the widest time range. */
export function EmptyState({ page, query }: { page: AlertPage; query: AlertQuery }) {
  const active = describeFilters(page);

  return (
    <section className="panel" aria-label="No alerts">
      <h2>No alerts match</h2>
      <p>Filters in use:</p>
      <ul>
        {active.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="actions">
        {page.range === "all" ? null : (
          <Link href={alertsHref(query, { range: "all", page: undefined })}>All time</Link>
        )}
        <Link href="/alerts?range=all&suppression=all">All time, all alerts, no filters</Link>
        <Link href="/ingest">Upload logs</Link>
      </p>
    </section>
  );
}

function describeFilters(page: AlertPage): string[] {
  const lines = [`Time range: ${RANGE_LABELS[page.range]}`];
  lines.push(`Suppression: ${SUPPRESSION_LABELS[page.suppression]}`);
  if (page.from) lines.push(`From: ${page.from.toISOString()}`);
  if (page.to) lines.push(`To: ${page.to.toISOString()}`);
  if (page.source) lines.push(`Source: ${page.source}`);
  if (page.operation) lines.push(`Operation contains “${page.operation}”`);
  if (page.actor) lines.push(`Actor contains “${page.actor}”`);
  if (page.operationIs) lines.push(`Operation is “${page.operationIs}”`);
  if (page.actorIs) lines.push(`Actor is “${page.actorIs}”`);
  if (page.account) lines.push(`Account is “${page.account}”`);
  if (page.status) lines.push(`Status: ${STATUS_LABELS[page.status]}`);
  if (page.rule) lines.push(`Rule: ${page.rule}`);
  if (page.severity) lines.push(`Severity: ${page.severity}`);
  if (page.confidence) lines.push(`Confidence: ${page.confidence}`);
  if (page.q) lines.push(`Text contains “${page.q}”`);
  return lines;
}
