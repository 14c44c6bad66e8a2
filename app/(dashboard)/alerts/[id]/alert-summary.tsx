import Link from "next/link";
import { safeIso } from "@/app/(dashboard)/allowlist/safe-date";
import type { AlertDetail } from "@/lib/alerts/queries";
import { FalsePositiveNotes } from "./false-positive-notes";

/** The verdict: rule, severity, why it fired, when it may be benign, and its suppression. */
export function AlertSummary(props: { alert: AlertDetail; canAllowlist: boolean }) {
  const { alert, canAllowlist } = props;
  const prefill = { actor: alert.actor, operations: alert.operation, accounts: alert.account };
  const allowlistHref = `/allowlist/new?${new URLSearchParams(prefill)}`;

  return (
    <section className="panel" aria-labelledby="alert-heading">
      <h2 id="alert-heading">Alert</h2>
      <dl className="fields">
        <dt>Rule</dt>
        <dd>
          {alert.rule} <span className="muted">(version {alert.ruleVersion})</span>
        </dd>
        <dt>Severity</dt>
        <dd>
          <span className={`badge sev-${alert.severity}`}>{alert.severity}</span>
        </dd>
        <dt>Confidence</dt>
        <dd>{alert.confidence}</dd>
        <dt>Status</dt>
        <dd>
          {alert.status}
          {alert.classification ? ` (${alert.classification})` : ""}
        </dd>
        <dt>Assignee</dt>
        <dd className={alert.assignee ? undefined : "muted"}>{alert.assignee || "(none)"}</dd>
        <dt>Explanation</dt>
        <dd>{alert.explanation}</dd>
        <dt>Suppressed by</dt>
        <dd>
          <Suppression entry={alert.suppressedBy} />
        </dd>
      </dl>
      <h3>False-positive notes</h3>
      <FalsePositiveNotes notes={alert.falsePositiveNotes} />
      {canAllowlist ? (
        <p className="actions">
          <Link className="button" href={allowlistHref}>
            Allowlist from this alert
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function Suppression({ entry }: { entry: AlertDetail["suppressedBy"] }) {
  if (!entry) return <span className="muted">Not suppressed</span>;
  return (
    <>
      <Link href={`/allowlist#entry-${entry.id}`}>{entry.name}</Link>: {entry.reason}{" "}
      <span className="muted">(expires {safeIso(entry.expiresAt)})</span>
    </>
  );
}
