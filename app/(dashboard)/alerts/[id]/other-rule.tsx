import Link from "next/link";
import type { OtherRuleView } from "@/lib/alerts/other-rule";

interface OtherRuleProps {
  view: OtherRuleView | null;
  alert: { rule: string; ruleVersion: number; resolution: string | null; eventTime: Date };
}

/**
 * The rule that did not raise this alert: whether it fires on the same event, and why the two
 * disagree when they do. Parity shows what Sentinel would do; hardened is what to triage.
 */
export function OtherRule({ view, alert }: OtherRuleProps) {
  if (view === null) {
    return (
      <section className="panel" aria-labelledby="other-rule-heading">
        <h2 id="other-rule-heading">Other rule</h2>
        <p className="hint">This alert's rule is no longer part of Tripline.</p>
      </section>
    );
  }

  const parityFires = alert.rule === "sentinel-parity" ? view.ownRuleFires : view.fires;
  const reportHref = `/parity?${new URLSearchParams({ at: alert.eventTime.toISOString() })}`;

  return (
    <section className="panel" aria-labelledby="other-rule-heading">
      <h2 id="other-rule-heading">Other rule</h2>
      <OwnRuleState view={view} alert={alert} />
      <dl className="fields">
        <dt>Rule</dt>
        <dd>
          {view.rule.name} <span className="muted">(version {view.rule.version})</span>
        </dd>
        <dt>On this event</dt>
        <dd>{view.fires ? "Fires" : "Does not fire"}</dd>
        <dt>{view.fires ? "Why" : "Why not"}</dt>
        <dd>{view.reason}</dd>
        <dt>Its alert</dt>
        <dd>
          {view.otherAlertId === null ? (
            <span className="muted">None</span>
          ) : (
            <Link href={`/alerts/${view.otherAlertId}`}>Alert {view.otherAlertId.toString()}</Link>
          )}
        </dd>
      </dl>
      <p className={view.disagreement ? "notice" : "hint"}>
        {view.disagreement ?? "Both rules agree on this event."}
      </p>
      {parityFires ? (
        <p className="hint">
          Sentinel's scheduled query returns this event in runs up to 24 hours after its time:{" "}
          <Link href={reportHref}>parity report at the event's time</Link>.
        </p>
      ) : null}
    </section>
  );
}

/** Says when this alert's own rule, as it now stands, no longer fires on the event. */
function OwnRuleState({ view, alert }: Omit<OtherRuleProps, "view"> & { view: OtherRuleView }) {
  if (alert.resolution === "rule_changed") {
    return (
      <p className="notice">
        Tripline closed this alert: version {alert.ruleVersion} of {alert.rule} fired on this event,
        and the rule as it now stands does not (rule changed).
      </p>
    );
  }
  if (view.ownRuleFires) return null;
  return (
    <p className="notice">
      The current version of {alert.rule} no longer fires on this event. The alert is closed as
      "rule changed" when stored events are evaluated again (at start, or `tripline detect`).
    </p>
  );
}
