"use client";

import { useActionState } from "react";
import { changePasswordAction } from "./actions";
import type { PasswordFormState } from "./form-state";

const FIELDS = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "Repeat the new password", autoComplete: "new-password" },
] as const;

export function PasswordForm() {
  const initial: PasswordFormState = { message: null, done: false, attempt: 0 };
  const [state, action, pending] = useActionState(changePasswordAction, initial);

  return (
    <form key={state.attempt} action={action} className="panel narrow" aria-label="Change password">
      {state.message ? (
        <p
          className={state.done ? "notice" : "error-message"}
          role={state.done ? "status" : "alert"}
        >
          {state.message}
        </p>
      ) : null}
      {FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={field.name}>{field.label}</label>
          <input
            id={field.name}
            name={field.name}
            type="password"
            autoComplete={field.autoComplete}
            required
          />
        </div>
      ))}
      <p className="hint">At least 12 characters. Your other sessions are signed out.</p>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </p>
    </form>
  );
}
