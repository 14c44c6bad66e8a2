"use client";

import { useActionState } from "react";
import { Outcome } from "./triage-form";
import { INITIAL_TRIAGE_STATE, type TriageFormState } from "./triage-state";

interface CommentFormProps {
  action: (previous: TriageFormState, formData: FormData) => Promise<TriageFormState>;
}

export function CommentForm({ action }: CommentFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL_TRIAGE_STATE);

  return (
    <form key={state.error ? -1 : state.attempt} action={formAction} aria-label="Add a comment">
      <div className="field wide">
        <label htmlFor="comment-body">Comment</label>
        <textarea id="comment-body" name="body" rows={3} maxLength={10_000} required />
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add comment"}
        </button>
      </p>
      <Outcome state={state} />
    </form>
  );
}
