"use client";

import { type FormEvent, useActionState } from "react";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { RowActionState } from "./form-state";

type RowAction = (previous: RowActionState, formData: FormData) => Promise<RowActionState>;

export function ChangeRoleForm(props: { email: string; role: Role; action: RowAction }) {
  const [state, formAction, pending] = useActionState(props.action, { error: null });

  return (
    <form action={formAction} className="actions">
      <select name="role" defaultValue={props.role} aria-label={`Role of ${props.email}`}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change role"}
      </button>
      {state.error ? (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}

export function DeleteUserButton(props: { email: string; action: RowAction }) {
  const [state, formAction, pending] = useActionState(props.action, { error: null });

  function confirmDelete(event: FormEvent<HTMLFormElement>) {
    const question = `Delete ${props.email}? Their sessions and API tokens stop working.`;
    if (!window.confirm(question)) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={confirmDelete}>
      <button
        type="submit"
        className="danger"
        disabled={pending}
        aria-label={`Delete ${props.email}`}
      >
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
