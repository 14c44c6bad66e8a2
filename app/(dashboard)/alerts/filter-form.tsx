import Form from "next/form";
import type { ReactNode } from "react";
import {
  ALERT_STATUSES,
  type AlertPage,
  SEVERITIES,
  SUPPRESSION_VIEWS,
  TIME_RANGES,
} from "@/lib/alerts/schemas";
import { RULES } from "@/lib/detection/rules";
import { SOURCE_TABLES } from "@/lib/events/types";
import type { AlertQuery } from "./alerts-url";
import { RANGE_LABELS, STATUS_LABELS, SUPPRESSION_LABELS } from "./labels";

// Filters the form has no control for still travel with it, so a shared view keeps them.
const CARRIED = ["confidence", "sort", "dir", "pageSize"] as const;

/** The alerts filters as a GET form: submitting puts them in the URL, where a view is shared. */
export function FilterForm({ page, query }: { page: AlertPage; query: AlertQuery }) {
  const ranges = Object.keys(TIME_RANGES) as (keyof typeof TIME_RANGES)[];

  return (
    <Form action="/alerts" className="panel filters" aria-label="Alert filters">
      <Field id="f-range" label="Time range">
        <select id="f-range" name="range" defaultValue={page.range}>
          {ranges.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-source" label="Source">
        <select id="f-source" name="source" defaultValue={page.source ?? ""}>
          <option value="">All sources</option>
          {SOURCE_TABLES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-operation" label="Operation">
        <input id="f-operation" name="operation" defaultValue={page.operation ?? ""} size={18} />
      </Field>
      <Field id="f-actor" label="Actor">
        <input id="f-actor" name="actor" defaultValue={page.actor ?? ""} size={24} />
      </Field>
      <Field id="f-rule" label="Rule">
        <select id="f-rule" name="rule" defaultValue={page.rule ?? ""}>
          <option value="">Any rule</option>
          {RULES.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-severity" label="Severity">
        <select id="f-severity" name="severity" defaultValue={page.severity ?? ""}>
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-status" label="Status">
        <select id="f-status" name="status" defaultValue={page.status ?? ""}>
          <option value="">Any status</option>
          {ALERT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-suppression" label="Suppression">
        <select id="f-suppression" name="suppression" defaultValue={page.suppression}>
          {SUPPRESSION_VIEWS.map((v) => (
            <option key={v} value={v}>
              {SUPPRESSION_LABELS[v]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-q" label="Search">
        <input id="f-q" name="q" type="search" defaultValue={page.q ?? ""} size={22} />
      </Field>
      {CARRIED.map((key) =>
        query[key] === undefined ? null : (
          <input key={key} type="hidden" name={key} value={query[key]} />
        ),
      )}
      <button type="submit">Apply filters</button>
    </Form>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
