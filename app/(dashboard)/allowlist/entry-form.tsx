"use client";

import { useActionState } from "react";
import { SOURCE_TABLES } from "@/lib/events/types";
import { saveEntry } from "./actions";
import type { EntryField, EntryFormState } from "./entry-form-state";
import { PreviewPanel } from "./preview-panel";

interface FieldSpec {
  name: EntryField;
  label: string;
  type?: "text" | "date" | "textarea";
  hint?: string;
  wide?: boolean;
  required?: boolean;
}

const CALLER_SET =
  "Set by the caller: whoever makes the call chooses this text, so an attacker can copy it.";

const FIELDS: readonly FieldSpec[] = [
  { name: "name", label: "Name", required: true },
  {
    name: "actorPattern",
    label: "Actor pattern",
    wide: true,
    required: true,
    hint:
      "A glob on the alert's actor: * matches any run of characters, ? exactly one. " +
      "Case-insensitive, whole value. Role session names inside an assumed-role actor are " +
      "set by the caller: match the role, not the session.",
  },
  {
    name: "operations",
    label: "Operations",
    type: "textarea",
    hint: "Optional. One per line or comma-separated, e.g. CreateUser. Empty: any operation.",
  },
  {
    name: "accounts",
    label: "Accounts",
    type: "textarea",
    hint: "Optional. AWS account ids or Azure subscriptions. Empty: any account.",
  },
  {
    name: "ipRanges",
    label: "Source IP ranges",
    type: "textarea",
    hint:
      "Optional. CIDR ranges such as 203.0.113.0/24 or 2001:db8::/32. An IPv4 range also " +
      "covers IPv4-mapped callers (::ffff:203.0.113.9).",
  },
  {
    name: "userAgentPattern",
    label: "User agent pattern",
    wide: true,
    hint: `Optional glob. ${CALLER_SET}`,
  },
  { name: "reason", label: "Reason", wide: true, required: true },
  { name: "owner", label: "Owner", required: true },
  {
    name: "expiresAt",
    label: "Expires",
    type: "date",
    required: true,
    hint: "Holds through that day (UTC).",
  },
];

interface EntryFormProps {
  initial: EntryFormState;
  /** Set when editing an existing entry. */
  entryId?: string;
}

/** Create or edit an entry: "Preview" shows what it would suppress, then "Save". */
export function EntryForm({ initial, entryId }: EntryFormProps) {
  const [state, action, pending] = useActionState(saveEntry, initial);
  const chosenSources = new Set(state.values.sources.split(",").filter(Boolean));

  return (
    <form key={state.attempt} action={action} className="panel" aria-labelledby="entry-heading">
      <h2 id="entry-heading">{entryId ? "Edit entry" : "New entry"}</h2>
      {entryId ? <input type="hidden" name="entryId" value={entryId} /> : null}
      <p className="notice">
        User agents and role session names are set by the caller, not by the cloud provider: an
        entry that relies on them can be matched by anyone who copies them. Prefer the actor,
        account and operations.
      </p>
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="stack-form">
        {FIELDS.map((field) => (
          <Field key={field.name} spec={field} state={state} />
        ))}
        <fieldset className="field wide">
          <legend>Sources</legend>
          {SOURCE_TABLES.map((source) => (
            <label key={source}>
              <input
                type="checkbox"
                name="sources"
                value={source}
                defaultChecked={chosenSources.has(source)}
              />{" "}
              {source}
            </label>
          ))}
          <p className="hint">Optional. None ticked: any source.</p>
        </fieldset>
      </div>
      {state.preview ? <PreviewPanel preview={state.preview} /> : null}
      <p className="actions">
        <button type="submit" name="intent" value="preview" disabled={pending}>
          {state.preview ? "Preview again" : "Preview"}
        </button>
        {state.preview ? (
          <button type="submit" name="intent" value="save" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </button>
        ) : null}
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
  const common = {
    id,
    name: spec.name,
    defaultValue: state.values[spec.name],
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
    "aria-required": spec.required ? true : undefined,
  };

  return (
    <div className={spec.wide ? "field wide" : "field"}>
      <label htmlFor={id}>{spec.label}</label>
      {spec.type === "textarea" ? (
        <textarea {...common} rows={2} />
      ) : (
        <input {...common} type={spec.type ?? "text"} />
      )}
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
