import { z } from "zod";
import { hasControls } from "../text/visible-controls";
import { certificatePemProblem } from "./credential-pem";
import { DEFAULT_LOOKBACK_MINUTES, SOURCE_KINDS, type SourceKind } from "./kinds";
import { type SourceSecrets, SourceSettings } from "./settings";
import type { SourceDraft, SourceView } from "./source-store";

/** Every field of the source form; settings fields carry the settings' own names. */
export const FORM_FIELDS = [
  "name",
  "kind",
  "intervalMinutes",
  "startFrom",
  "lookbackMinutes",
  "caCertificate",
  "region",
  "accessKeyId",
  "secretAccessKey",
  "roleArn",
  "externalId",
  "stsEndpoint",
  "bucket",
  "prefix",
  "s3Endpoint",
  "forcePathStyle",
  "cloudtrailEndpoint",
  "tenantId",
  "clientId",
  "credentialType",
  "clientSecret",
  "certificatePem",
  "authorityHost",
  "graphBaseUrl",
  "armBaseUrl",
  "subscriptionId",
  "logAnalyticsBaseUrl",
  "workspaceId",
  "tables",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
/** The form as text; `tables` is comma-separated, `forcePathStyle` is "on" or "". */
export type FormValues = Record<FormField, string>;

const SECRET_FIELDS = ["secretAccessKey", "clientSecret", "certificatePem"] as const;
const NUMBER_FIELDS = new Set<FormField>(["intervalMinutes", "lookbackMinutes"]);

const General = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the source a name.")
    .max(200, "The name has at most 200 characters."),
  kind: z.enum(SOURCE_KINDS, { message: "Choose what to pull from." }),
  intervalMinutes: z.coerce
    .number({ message: "Give the interval as a number of minutes." })
    .int("Give the interval in whole minutes.")
    .min(1, "At least every minute.")
    .max(7 * 24 * 60, "At most once a week."),
});

export type FormResult =
  | { ok: true; draft: Omit<SourceDraft, "enabled"> }
  | { ok: false; fieldErrors: Partial<Record<FormField, string>> };

// Multi-line fields (PEM) may hold line breaks; secrets are sealed as bytes, never put in SQL text.
const MULTILINE_OR_SECRET = new Set<FormField>(["caCertificate", ...SECRET_FIELDS]);
// Control characters: PostgreSQL refuses NUL in text, and the others only garble the pages.
const FIELD_NAMES: Partial<Record<FormField, string>> = {
  name: "The name",
  prefix: "The key prefix",
  bucket: "The bucket",
  region: "The region",
  accessKeyId: "The access key id",
  roleArn: "The role",
  externalId: "The external id",
  tenantId: "The tenant id",
  clientId: "The client id",
  subscriptionId: "The subscription id",
  workspaceId: "The workspace id",
};

/** Fields holding a control character, each with a sentence that names it. */
function controlCharacterErrors(values: FormValues): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  for (const field of FORM_FIELDS) {
    if (MULTILINE_OR_SECRET.has(field) || !hasControls(values[field])) continue;
    const named = FIELD_NAMES[field] ?? "This setting";
    errors[field] = `${named} cannot hold control characters (such as NUL or a line break).`;
  }
  return errors;
}

/** The form's values as a source draft, or the first problem of each field. */
export function draftFromForm(values: FormValues): FormResult {
  const controls = controlCharacterErrors(values);
  if (Object.keys(controls).length > 0) return { ok: false, fieldErrors: controls };
  const general = General.safeParse(values);
  if (!general.success) return { ok: false, fieldErrors: errorsOf(general.error) };
  const settings = SourceSettings.safeParse(settingsInput(values, general.data.kind));
  if (!settings.success) return { ok: false, fieldErrors: errorsOf(settings.error) };

  const secrets: SourceSecrets = {};
  for (const field of SECRET_FIELDS) {
    if (values[field].trim() !== "") secrets[field] = values[field].trim();
  }
  const secretErrors = secretProblems(secrets);
  if (Object.keys(secretErrors).length > 0) return { ok: false, fieldErrors: secretErrors };
  return {
    ok: true,
    draft: {
      name: general.data.name,
      intervalMinutes: general.data.intervalMinutes,
      settings: settings.data,
      secrets,
    },
  };
}

/** Typed secrets checked before they are sealed: the stored ones are never shown to fix. */
function secretProblems(secrets: SourceSecrets): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  const key = secrets.secretAccessKey;
  if (key !== undefined && (key.length < 16 || key.length > 256)) {
    errors.secretAccessKey = "The secret access key has 16 to 256 characters (usually 40).";
  }
  if (secrets.clientSecret !== undefined && secrets.clientSecret.length > 1024) {
    errors.clientSecret = "The client secret has at most 1024 characters.";
  }
  if (secrets.certificatePem !== undefined) {
    const problem =
      secrets.certificatePem.length > 64 * 1024
        ? "The certificate PEM is at most 64 KB."
        : certificatePemProblem(secrets.certificatePem);
    if (problem) errors.certificatePem = problem;
  }
  return errors;
}

/** The settings object the schema checks: empty text is "not given", times are UTC. */
function settingsInput(values: FormValues, kind: SourceKind): Record<string, unknown> {
  const input: Record<string, unknown> = { kind };
  for (const field of FORM_FIELDS) {
    if (field === "kind" || field === "name" || field === "intervalMinutes") continue;
    if ((SECRET_FIELDS as readonly string[]).includes(field)) continue;
    const text = values[field].trim();
    if (text === "") continue;
    input[field] = NUMBER_FIELDS.has(field) ? Number(text) : text;
  }
  input.lookbackMinutes ??= DEFAULT_LOOKBACK_MINUTES[kind];
  input.forcePathStyle = values.forcePathStyle === "on";
  input.tables = values.tables.split(",").filter((t) => t !== "");
  // A datetime-local input gives minutes without a zone; the form says it is UTC.
  if (
    typeof input.startFrom === "string" &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(input.startFrom)
  ) {
    input.startFrom = `${input.startFrom}:00Z`;
  }
  return input;
}

function errorsOf(error: z.ZodError): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !isFormField(field) || errors[field]) continue;
    errors[field] = issue.message;
  }
  return errors;
}

function isFormField(value: string): value is FormField {
  return (FORM_FIELDS as readonly string[]).includes(value);
}

/**
 * The values a refused form is shown again with: typed secrets are never sent back, and a kind
 * that is not one of ours (a hand-made post) shows the default kind's fields.
 */
export function valuesToShow(values: FormValues): FormValues {
  const kind = z.enum(SOURCE_KINDS).safeParse(values.kind);
  return {
    ...values,
    kind: kind.success ? kind.data : "aws-s3",
    secretAccessKey: "",
    clientSecret: "",
    certificatePem: "",
  };
}

/** An empty form for a new source, starting a day back. */
export function blankForm(kind: SourceKind = "aws-s3"): FormValues {
  const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, ""])) as FormValues;
  const dayAgo = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
  return {
    ...values,
    kind,
    intervalMinutes: "15",
    startFrom: dayAgo,
    lookbackMinutes: String(DEFAULT_LOOKBACK_MINUTES[kind]),
    credentialType: "secret",
    authorityHost: "https://login.microsoftonline.com",
    graphBaseUrl: "https://graph.microsoft.com",
    armBaseUrl: "https://management.azure.com",
    logAnalyticsBaseUrl: "https://api.loganalytics.io",
    tables: "AuditLogs,AzureActivity,AWSCloudTrail",
  };
}

/** A stored source as form values: settings as they are, secrets always empty. */
export function formValuesOf(source: SourceView): FormValues {
  const values = blankForm(source.kind);
  values.name = source.name;
  values.intervalMinutes = String(source.intervalMinutes);
  if (!source.settings) return values;
  for (const [key, value] of Object.entries(source.settings)) {
    if (!isFormField(key)) continue;
    if (Array.isArray(value)) values[key] = value.join(",");
    else if (typeof value === "boolean") values[key] = value ? "on" : "";
    else if (value !== undefined) values[key] = String(value);
  }
  values.startFrom = source.settings.startFrom.slice(0, 16);
  return values;
}
