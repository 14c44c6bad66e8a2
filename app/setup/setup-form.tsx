"use client";

import { useActionState } from "react";
import { setupAction } from "./actions";
import type { SetupState } from "./setup-state";

export function SetupForm({ token }: { token: string }) {
  const initial: SetupState = { email: "", message: null, attempt: 0 };
  const [state, action, pending] = useActionState(setupAction, initial);

  return (
    <form key={state.attempt} action={action} className="panel narrow" aria-label="First admin">
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" defaultValue={state.email} required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required />
        <p className="hint">At least 12 characters.</p>
      </div>
      <div className="field">
        <label htmlFor="confirm">Repeat the password</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create admin account"}
        </button>
      </p>
    </form>
  );
}
