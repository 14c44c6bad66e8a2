"use client";

import { type FormEvent, useActionState } from "react";
import type { ActionState } from "./form-state";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

interface ButtonProps {
  action: Action;
  label: string;
  busyLabel: string;
  /** Names the source for screen readers when several buttons share a label. */
  sourceName: string;
  danger?: boolean;
  confirm?: string;
}

/** One server action behind one button, with its error shown beside it. */
export function ActionButton({
  action,
  label,
  busyLabel,
  sourceName,
  danger,
  confirm,
}: ButtonProps) {
  const [state, formAction, pending] = useActionState(action, { error: null });

  function check(event: FormEvent<HTMLFormElement>) {
    if (confirm && !window.confirm(confirm)) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={check}>
      <button
        type="submit"
        className={danger ? "danger" : "secondary"}
        disabled={pending}
        aria-label={`${label} ${sourceName}`}
      >
        {pending ? busyLabel : label}
      </button>
      {state.error ? (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
