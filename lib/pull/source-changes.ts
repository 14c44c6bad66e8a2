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
  // Path-style or not decides the host signed requests go to: endpoint/bucket or bucket.endpoint.
  forcePathStyle: "path-style setting",
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
 * The secrets an edit that changes where they go must carry, typed again, with a message naming
 * the changed setting and the secret to enter; null when the edit may keep the stored ones.
 */
export function secretsNeededAgain(
  changed: string[],
  settings: SourceSettings,
  typed: SourceSecrets,
): { fields: (keyof SourceSecrets)[]; message: string } | null {
  const bound = changed.filter((key) => key in SECRET_BOUND);
  const missing = requiredSecrets(settings).filter((field) => !typed[field]);
  if (bound.length === 0 || missing.length === 0) return null;

  const what = bound.map((key) => SECRET_BOUND[key]).join(", ");
  const secrets = missing.map((field) => SECRET_NAMES[field]).join(" and ");
  const message =
    `Enter the ${secrets} again: the ${what} changed, and a stored secret is only sent where ` +
    "it was first saved for.";
  return { fields: missing, message };
}

/** Refuses an edit that changes where the secrets go unless they were typed again with it. */
export function requireSecretsForDestination(
  changed: string[],
  settings: SourceSettings,
  typed: SourceSecrets,
): void {
  const needed = secretsNeededAgain(changed, settings, typed);
  if (needed) throw new AppError("bad_request", needed.message);
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
