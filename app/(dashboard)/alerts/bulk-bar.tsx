"use client";

import { useActionState, useEffect } from "react";
import { CLASSIFICATION_LABELS, CLASSIFICATIONS } from "@/lib/alerts/triage-schemas";
import type { AlertQuery } from "./alerts-url";
import { triageMatching, triageSelected } from "./bulk-actions";
import { type BulkState, INITIAL_BULK_STATE } from "./bulk-state";

interface BulkBarProps {
  selectedIds: string[];
  /** How many alerts match: "1234" or "about 90,000". */
  totalLabel: string;
  query: AlertQuery;
  onDone: () => void;
}

/** Bulk triage: on the selected rows, or on every alert matching the filter after a confirm. */
export function BulkBar({ selectedIds, totalLabel, query, onDone }: BulkBarProps) {
  const [selected, selectedAction, selectedPending] = useActionState(
    triageSelected,
    INITIAL_BULK_STATE,
  );
  const [matching, matchingAction, matchingPending] = useActionState(
    triageMatching,
    INITIAL_BULK_STATE,
  );
  const filter = new URLSearchParams(Object.entries(query)).toString();

  useEffect(() => {
    if (selected.message) onDone();
  }, [selected, onDone]);

  return (
    <div className="panel">
      <div className="bulk-bar">
        <form action={selectedAction} aria-label="Selected alerts">
          <input type="hidden" name="ids" value={selectedIds.join(",")} />
          <span>{selectedIds.length} selected:</span>
          <ChangeControls id="sel" disabled={selectedPending || selectedIds.length === 0} />
        </form>
      </div>
      <Outcome state={selected} />
      <div className="bulk-bar">
        <form action={matchingAction} aria-label="All matching alerts">
          <input type="hidden" name="filter" value={filter} />
          <span>On everything matching this filter ({totalLabel} alerts):</span>
          {matching.confirmCount === null ? (
            <ChangeControls id="all" disabled={matchingPending} />
          ) : (
            <Confirm state={matching} pending={matchingPending} />
          )}
        </form>
      </div>
      <Outcome state={matching} />
    </div>
  );
}

function ChangeControls({ id, disabled }: { id: string; disabled: boolean }) {
  return (
    <>
      <button type="submit" name="change" value="acknowledge" disabled={disabled}>
        Acknowledge
      </button>
      <label htmlFor={`${id}-classification`} className="visually-hidden">
        Classification
      </label>
      <select id={`${id}-classification`} name="classification" defaultValue="">
        <option value="">Close as…</option>
        {CLASSIFICATIONS.map((c) => (
          <option key={c} value={c}>
            {CLASSIFICATION_LABELS[c]}
          </option>
        ))}
      </select>
      <button type="submit" name="change" value="close" disabled={disabled}>
        Close
      </button>
    </>
  );
}

/** The second step of a change to every matching alert: the count, and the confirm button. */
function Confirm({ state, pending }: { state: BulkState; pending: boolean }) {
  const count = state.confirmCount ?? 0;
  return (
    <>
      <input type="hidden" name="confirmed" value={count} />
      <input type="hidden" name="change" value={state.pending?.change ?? ""} />
      <input type="hidden" name="classification" value={state.pending?.classification ?? ""} />
      <strong role="status">
        This {state.pending?.change === "close" ? "closes" : "acknowledges"} {count}{" "}
        {count === 1 ? "alert" : "alerts"}.
      </strong>
      <button type="submit" disabled={pending}>
        Confirm
      </button>
      <button type="submit" name="cancel" value="1" disabled={pending}>
        Cancel
      </button>
    </>
  );
}

function Outcome({ state }: { state: BulkState }) {
  if (state.error) {
    return (
      <p className="field-error" role="alert">
        {state.error}
      </p>
    );
  }
  return state.message ? <p role="status">{state.message}</p> : null;
}
