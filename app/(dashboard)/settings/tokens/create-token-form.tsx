"use client";

import { useActionState } from "react";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { createTokenAction } from "./actions";
import type { TokenFormState } from "./form-state";

const LIFETIMES = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never expires" },
] as const;

export function CreateTokenForm({ roles }: { roles: Role[] }) {
  const initial: TokenFormState = { message: null, created: null, attempt: 0 };
  const [state, action, pending] = useActionState(createTokenAction, initial);

  // Once a token exists the form goes away: a form bound to this state would post the token
  // back with its next submission (as a hidden field when JavaScript is off).
  if (state.created) {
    return (
      <section className="notice" role="status" aria-label="New token">
        <p>Token “{state.created.name}” created. Copy it now: it is not shown again.</p>
        <p className="secret" data-testid="new-token">
          {state.created.token}
        </p>
        <p>
          <a href="/settings/tokens">Create another token</a>
        </p>
      </section>
    );
  }

  return (
    <form key={state.attempt} action={action} className="panel" aria-label="New API token">
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input id="token-name" name="name" required maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="token-role">Role</label>
          <select id="token-role" name="role" defaultValue={roles[0]}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="token-lifetime">Expires</label>
          <select id="token-lifetime" name="lifetime" defaultValue="90">
            {LIFETIMES.map((lifetime) => (
              <option key={lifetime.value} value={lifetime.value}>
                {lifetime.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </div>
    </form>
  );
}
