"use client";

import { useActionState } from "react";
import type { DeleteState } from "./entry-form-state";

interface ToggleEntryButtonProps {
  name: string;
  enabled: boolean;
  action: (previous: DeleteState, formData: FormData) => Promise<DeleteState>;
}

/** Disables an entry (its alerts become active again) or enables it (they are suppressed). */
export function ToggleEntryButton({ name, enabled, action }: ToggleEntryButtonProps) {
  const [state, formAction, pending] = useActionState(action, { error: null });
  const verb = enabled ? "Disable" : "Enable";

  return (
    <form action={formAction}>
      <button type="submit" disabled={pending} aria-label={`${verb} ${name}`}>
        {pending ? `${verb.slice(0, -1)}ing…` : verb}
      </button>
      {state.error ? (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
