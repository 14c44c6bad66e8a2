"use client";

import { type FormEvent, useActionState } from "react";
import type { DeleteState } from "./entry-form-state";

interface DeleteEntryButtonProps {
  name: string;
  action: (previous: DeleteState, formData: FormData) => Promise<DeleteState>;
}

/** Deletes an entry after the analyst confirms; its alerts may become active again. */
export function DeleteEntryButton({ name, action }: DeleteEntryButtonProps) {
  const [state, formAction, pending] = useActionState(action, { error: null });

  function confirmDelete(event: FormEvent<HTMLFormElement>) {
    const question =
      `Delete the allowlist entry “${name}”? ` +
      "The alerts it suppresses become active again unless another entry matches them.";
    if (!window.confirm(question)) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={confirmDelete}>
      <button type="submit" className="danger" disabled={pending} aria-label={`Delete ${name}`}>
        {pending ? "Deleting…" : "Delete"}
      </button>
      {state.error ? (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
