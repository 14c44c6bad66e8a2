"use client";

import { useActionState } from "react";
import { createEntry } from "./actions";
import type { EntryField, EntryFormState } from "./entry-form-state";

interface FieldSpec {
  name: EntryField;
  label: string;
  type?: "text" | "date";
  hint?: string;
  wide?: boolean;
}

const FIELDS: readonly FieldSpec[] = [
  { name: "name", label: "Name" },
  {
    name: "actorPattern",
    label: "Actor pattern",
    wide: true,
    hint:
      "A glob on the alert's actor: * matches any run of characters, ? exactly one. " +
      "Case-insensitive, whole value.",
  },
  { name: "reason", label: "Reason", wide: true },
  { name: "owner", label: "Owner" },
  { name: "expiresAt", label: "Expires", type: "date", hint: "Holds through that day (UTC)." },
];

export function CreateEntryForm({ initial }: { initial: EntryFormState }) {
  const [state, action, pending] = useActionState(createEntry, initial);

  return (
    <form key={state.attempt} action={action} className="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">New entry</h2>
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="stack-form">
        {FIELDS.map((field) => (
          <Field key={field.name} spec={field} state={state} />
        ))}
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add entry"}
        </button>
      </p>
    </form>
  );
}

function Field({ spec, state }: { spec: FieldSpec; state: EntryFormState }) {
  const id = `entry-${spec.name}`;
  const error = state.fieldErrors[spec.name];
  const described = [error ? `${id}-error` : null, spec.hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");

  return (
    <div className={spec.wide ? "field wide" : "field"}>
      <label htmlFor={id}>{spec.label}</label>
      <input
        id={id}
        name={spec.name}
        type={spec.type ?? "text"}
        defaultValue={state.values[spec.name]}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        aria-required="true"
      />
      {spec.hint ? (
        <p id={`${id}-hint`} className="hint">
          {spec.hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
