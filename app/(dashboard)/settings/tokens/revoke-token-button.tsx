"use client";

import { useActionState } from "react";
import type { RevokeState } from "./form-state";

interface RevokeTokenButtonProps {
  name: string;
  action: (previous: RevokeState, formData: FormData) => Promise<RevokeState>;
}

export function RevokeTokenButton({ name, action }: RevokeTokenButtonProps) {
  const [state, formAction, pending] = useActionState(action, { error: null });

  return (
    <form action={formAction}>
      <button type="submit" className="danger" disabled={pending} aria-label={`Revoke ${name}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.error ? (
        <p className="field-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
