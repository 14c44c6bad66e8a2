"use client";

import { useActionState } from "react";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { createUserAction } from "./actions";
import type { NewUserState } from "./form-state";

export function NewUserForm() {
  const initial: NewUserState = { email: "", message: null, created: null, attempt: 0 };
  const [state, action, pending] = useActionState(createUserAction, initial);

  return (
    <form key={state.attempt} action={action} className="panel" aria-label="New user">
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.created ? (
        <p className="notice" role="status">
          Created {state.created}. Pass the password on to them; they can change it under their
          account.
        </p>
      ) : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="user-email">Email</label>
          <input id="user-email" name="email" type="email" defaultValue={state.email} required />
        </div>
        <div className="field">
          <label htmlFor="user-role">Role</label>
          <select id="user-role" name="role" defaultValue="viewer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-password">First password</label>
          <input
            id="user-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
          />
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </button>
      </div>
    </form>
  );
}
