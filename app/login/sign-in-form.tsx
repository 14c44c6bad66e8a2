"use client";

import { useActionState } from "react";
import { signInAction } from "./actions";
import type { SignInState } from "./sign-in-state";

export function SignInForm({ next }: { next: string }) {
  const initial: SignInState = { email: "", message: null, attempt: 0 };
  const [state, action, pending] = useActionState(signInAction, initial);

  return (
    <form key={state.attempt} action={action} className="panel narrow" aria-label="Sign in">
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </p>
    </form>
  );
}
