"use client";

import { useActionState, useEffect, useState } from "react";
import { CLASSIFICATION_LABELS, CLASSIFICATIONS } from "@/lib/alerts/triage-schemas";
import { STATUS_LABELS } from "../labels";
import { INITIAL_TRIAGE_STATE, type TriageFormState } from "./triage-state";

interface TriageFormProps {
  action: (previous: TriageFormState, formData: FormData) => Promise<TriageFormState>;
  rule: string;
  status: string;
  classification: string | null;
  assignee: string | null;
}

const STATUSES = Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[];

/** Status, classification (to close), note and assignee of one alert. */
export function TriageForm({ action, rule, status, classification, assignee }: TriageFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL_TRIAGE_STATE);
  const [chosen, setChosen] = useState(status);
  // Without scripts the status cannot reveal the field, so the server's HTML always holds it;
  // the action ignores a classification unless the alert is being closed.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const closing = chosen === "closed";

  return (
    <form action={formAction} className="panel" aria-labelledby="triage-heading">
      <h2 id="triage-heading">Triage</h2>
      <div className="stack-form">
        <div className="field">
          <label htmlFor="triage-status">Status</label>
          <select
            id="triage-status"
            name="status"
            value={chosen}
            onChange={(event) => setChosen(event.target.value)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {closing || !scripted ? (
          <div className="field wide">
            <label htmlFor="triage-classification">Classification</label>
            <select
              id="triage-classification"
              name="classification"
              defaultValue={classification ?? ""}
              aria-describedby="triage-rule"
              required={scripted}
            >
              <option value="">Choose…</option>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {CLASSIFICATION_LABELS[c]}
                </option>
              ))}
            </select>
            <p id="triage-rule" className="hint">
              Required to close. Classifies this alert of the rule {rule}.
              {scripted ? null : " Ignored unless the status is Closed."}
            </p>
          </div>
        ) : null}
        <div className="field wide">
          <label htmlFor="triage-note">Note</label>
          <textarea id="triage-note" name="note" rows={2} maxLength={5000} />
        </div>
        <div className="field">
          <label htmlFor="triage-assignee">Assignee</label>
          <input
            id="triage-assignee"
            name="assignee"
            defaultValue={assignee ?? ""}
            maxLength={320}
          />
        </div>
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save triage"}
        </button>
      </p>
      <Outcome state={state} />
    </form>
  );
}

export function Outcome({ state }: { state: TriageFormState }) {
  if (state.error) {
    return (
      <p className="field-error" role="alert">
        {state.error}
      </p>
    );
  }
  return state.message ? <p role="status">{state.message}</p> : null;
}
