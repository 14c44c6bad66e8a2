import { AppError } from "../errors";
import { requiredSecrets, type SourceSecrets, type SourceSettings } from "./settings";

/**
 * Settings that decide where a stored secret, or a token made with it, is sent, or whose
 * credential it is. Changing one without typing the secret again would hand the stored secret
 * to whoever the new value names.
 */
const SECRET_BOUND: Record<string, string> = {
  kind: "kind",
  accessKeyId: "access key id",
  stsEndpoint: "STS endpoint",
  s3Endpoint: "S3 endpoint",
  cloudtrailEndpoint: "CloudTrail endpoint",
  tenantId: "tenant id",
  clientId: "application (client) id",
  credentialType: "credential",
  authorityHost: "authority host",
  graphBaseUrl: "Microsoft Graph URL",
  armBaseUrl: "Resource Manager URL",
  logAnalyticsBaseUrl: "Log Analytics URL",
  caCertificate: "extra trusted CA",
};

export const SECRET_NAMES: Record<keyof SourceSecrets, string> = {
  secretAccessKey: "secret access key",
  clientSecret: "client secret",
  certificatePem: "certificate and private key (PEM)",
};

/** The names of the settings that differ; every one of them when the stored ones are unreadable. */
export function changedSettings(before: SourceSettings | null, after: SourceSettings): string[] {
  const old: Record<string, unknown> = before ?? {};
  const now: Record<string, unknown> = after;
  const keys = new Set([...Object.keys(old), ...Object.keys(now)]);
  return [...keys].filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key])).sort();
}

/**
 * Refuses an edit that changes where the secrets go unless every secret the source needs was
 * typed again with it; the message names the changed setting and the secret to enter.
 */
export function requireSecretsForDestination(
  changed: string[],
  settings: SourceSettings,
  typed: SourceSecrets,
): void {
  const bound = changed.filter((key) => key in SECRET_BOUND);
  const missing = requiredSecrets(settings).filter((field) => !typed[field]);
  if (bound.length === 0 || missing.length === 0) return;

  const what = bound.map((key) => SECRET_BOUND[key]).join(", ");
  const secrets = missing.map((field) => SECRET_NAMES[field]).join(" and ");
  throw new AppError(
    "bad_request",
    `Enter the ${secrets} again: the ${what} changed, and a stored secret is only sent where ` +
      "it was first saved for.",
  );
}

/**
 * What the audit log records of a saved source: its kind, the names of the settings an edit
 * changed (`changed` null for a new source) and of the secrets typed, never a value.
 */
export function savedSourceDetails(
  settings: SourceSettings,
  typed: SourceSecrets,
  changed: string[] | null,
): Record<string, string | null> {
  return {
    kind: settings.kind,
    ...(changed === null ? {} : { changed: changed.join(", ") || null }),
    secretsEntered: Object.keys(typed).sort().join(", ") || null,
  };
}
