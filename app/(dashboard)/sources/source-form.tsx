"use client";

import { useActionState, useState } from "react";
import {
  LOG_ANALYTICS_TABLES,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  type SourceKind,
} from "@/lib/pull/kinds";
import type { FormField } from "@/lib/pull/source-form";
import { saveSource } from "./actions";
import type { SourceFormState } from "./form-state";

interface FieldSpec {
  name: FormField;
  label: string;
  hint?: string;
  type?: "text" | "password" | "number" | "datetime-local" | "textarea" | "checkbox";
  optional?: boolean;
}

const AWS_ACCESS: readonly FieldSpec[] = [
  {
    name: "region",
    label: "Region",
    hint: "e.g. us-east-1: the bucket's region, or the one to look up.",
  },
  { name: "accessKeyId", label: "Access key id" },
  { name: "secretAccessKey", label: "Secret access key", type: "password" },
  {
    name: "roleArn",
    label: "Role to assume",
    optional: true,
    hint: "An IAM role ARN; the access key above assumes it through STS.",
  },
  { name: "externalId", label: "External id", optional: true },
  {
    name: "stsEndpoint",
    label: "STS endpoint",
    optional: true,
    hint: "Only for private or non-standard endpoints.",
  },
];

const ENTRA_APP: readonly FieldSpec[] = [
  { name: "tenantId", label: "Tenant id", hint: "The directory (tenant) id, or its domain." },
  { name: "clientId", label: "Application (client) id" },
  {
    name: "authorityHost",
    label: "Authority host",
    hint: "https://login.microsoftonline.com for the public cloud.",
  },
];

const BY_KIND: Record<SourceKind, readonly FieldSpec[]> = {
  "aws-s3": [
    ...AWS_ACCESS,
    { name: "bucket", label: "Bucket" },
    {
      name: "prefix",
      label: "Key prefix",
      optional: true,
      hint: "The trail's prefix, before AWSLogs/.",
    },
    {
      name: "s3Endpoint",
      label: "S3 endpoint",
      optional: true,
      hint: "Only for S3-compatible or private endpoints.",
    },
    { name: "forcePathStyle", label: "Path-style requests", type: "checkbox" },
  ],
  "aws-lookup": [
    ...AWS_ACCESS,
    { name: "cloudtrailEndpoint", label: "CloudTrail endpoint", optional: true },
  ],
  "entra-graph": [...ENTRA_APP, { name: "graphBaseUrl", label: "Microsoft Graph URL" }],
  "azure-activity": [
    ...ENTRA_APP,
    { name: "subscriptionId", label: "Subscription id" },
    { name: "armBaseUrl", label: "Resource Manager URL" },
  ],
  "log-analytics": [
    ...ENTRA_APP,
    { name: "workspaceId", label: "Workspace id" },
    { name: "logAnalyticsBaseUrl", label: "Log Analytics URL" },
  ],
};

const SECRET_FIELDS = new Set<FormField>(["secretAccessKey", "clientSecret", "certificatePem"]);
const STORED_HINT =
  "Stored — leave empty to keep. Enter it again to change an endpoint, path-style requests, " +
  "the trusted CA, the tenant, or the client or key id.";

interface SourceFormProps {
  sourceId: string | null;
  initial: SourceFormState;
  /** Secret fields that already hold a stored value. */
  storedSecrets: FormField[];
  /** False when the server has no TRIPLINE_SECRET_KEY: saving a secret will be refused. */
  canSeal: boolean;
}

/** Adds or edits a source; the fields follow the kind chosen. */
export function SourceForm({ sourceId, initial, storedSecrets, canSeal }: SourceFormProps) {
  const [state, action, pending] = useActionState(saveSource, initial);
  const [kind, setKind] = useState<SourceKind>(state.values.kind as SourceKind);
  const [credential, setCredential] = useState(state.values.credentialType || "secret");
  const azure = kind === "entra-graph" || kind === "azure-activity" || kind === "log-analytics";

  const field = (spec: FieldSpec) => (
    <Field key={spec.name} spec={spec} state={state} stored={storedSecrets.includes(spec.name)} />
  );

  return (
    <form
      key={state.attempt}
      action={action}
      className="panel"
      aria-labelledby="source-form-heading"
    >
      <h2 id="source-form-heading">{sourceId ? "Settings" : "New source"}</h2>
      {sourceId ? <input type="hidden" name="sourceId" value={sourceId} /> : null}
      {canSeal ? null : (
        <p className="error-message" role="alert">
          Secrets cannot be stored: the server has no TRIPLINE_SECRET_KEY. Set it to 32 random bytes
          (for example <code>openssl rand -hex 32</code>) and restart.
        </p>
      )}
      {state.message ? (
        <p className="error-message" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="stack-form">
        {field({ name: "name", label: "Name" })}
        <div className="field">
          <label htmlFor="source-kind">Kind</label>
          <select
            id="source-kind"
            name="kind"
            value={kind}
            disabled={sourceId !== null}
            aria-invalid={state.fieldErrors.kind ? true : undefined}
            aria-describedby={state.fieldErrors.kind ? "source-kind-error" : undefined}
            onChange={(event) => setKind(event.target.value as SourceKind)}
          >
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          {sourceId !== null ? <input type="hidden" name="kind" value={kind} /> : null}
          {state.fieldErrors.kind ? (
            <p id="source-kind-error" className="field-error">
              {state.fieldErrors.kind}
            </p>
          ) : null}
        </div>
        {field({ name: "intervalMinutes", label: "Every (minutes)", type: "number" })}
        {field({
          name: "startFrom",
          label: "Start from (UTC)",
          type: "datetime-local",
          hint: "Where the first run starts. Changing it later reads again from there.",
        })}
        {field({
          name: "lookbackMinutes",
          label: "Look-back (minutes)",
          type: "number",
          hint: "Each run reads this far behind its checkpoint, for late deliveries.",
        })}
        {BY_KIND[kind].map(field)}
        {azure ? (
          <>
            <div className="field">
              <label htmlFor="source-credentialType">Credential</label>
              <select
                id="source-credentialType"
                name="credentialType"
                value={credential}
                onChange={(event) => setCredential(event.target.value)}
              >
                <option value="secret">Client secret</option>
                <option value="certificate">Certificate</option>
              </select>
            </div>
            {credential === "certificate"
              ? field({
                  name: "certificatePem",
                  label: "Certificate and private key (PEM)",
                  type: "textarea",
                })
              : field({ name: "clientSecret", label: "Client secret", type: "password" })}
          </>
        ) : null}
        {kind === "log-analytics" ? <TablesField state={state} /> : null}
        {field({
          name: "caCertificate",
          label: "Extra trusted CA (PEM)",
          type: "textarea",
          optional: true,
          hint: "Only for private endpoints or TLS inspection: certificates to trust besides the usual ones.",
        })}
      </div>
      <p className="actions">
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : sourceId ? "Save source" : "Add source"}
        </button>
      </p>
    </form>
  );
}

function TablesField({ state }: { state: SourceFormState }) {
  const chosen = new Set(state.values.tables.split(","));
  const error = state.fieldErrors.tables;
  return (
    <fieldset className="field wide">
      <legend className="label">Tables</legend>
      {LOG_ANALYTICS_TABLES.map((table) => (
        <label key={table}>
          <input type="checkbox" name="tables" value={table} defaultChecked={chosen.has(table)} />{" "}
          {table}
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function Field({
  spec,
  state,
  stored,
}: {
  spec: FieldSpec;
  state: SourceFormState;
  stored: boolean;
}) {
  const id = `source-${spec.name}`;
  const error = state.fieldErrors[spec.name];
  const secret = SECRET_FIELDS.has(spec.name);
  const hint = secret && stored ? STORED_HINT : spec.hint;
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    name: spec.name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
  };
  const label = `${spec.label}${spec.optional ? " (optional)" : ""}`;

  if (spec.type === "checkbox") {
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input {...common} type="checkbox" defaultChecked={state.values[spec.name] === "on"} />
      </div>
    );
  }
  return (
    <div className={spec.type === "textarea" ? "field wide" : "field"}>
      <label htmlFor={id}>{label}</label>
      {spec.type === "textarea" ? (
        <textarea {...common} rows={4} defaultValue={secret ? "" : state.values[spec.name]} />
      ) : (
        <input
          {...common}
          type={spec.type ?? "text"}
          autoComplete={secret ? "new-password" : "off"}
          defaultValue={secret ? "" : state.values[spec.name]}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
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
