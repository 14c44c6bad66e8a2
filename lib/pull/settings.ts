import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";
import { LOG_ANALYTICS_TABLES } from "./kinds";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || (isIP(hostname) === 4 && hostname.startsWith("127."));
}

/**
 * The endpoint rule: https, or plain http only to this machine (a test double). Tokens and signed
 * requests never cross a network in clear text. Also applied to addresses a service names itself,
 * such as the token endpoint in an OpenID discovery document.
 */
export function isAllowedEndpoint(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
}

/** A user name or password in a URL would be sent, in clear over http, to every request. */
function hasNoCredentials(text: string): boolean {
  if (!URL.canParse(text)) return true;
  const url = new URL(text);
  return url.username === "" && url.password === "";
}

const NO_CREDENTIALS =
  "Leave the user name and password out of the URL: the source's own credentials are used.";

/** An endpoint under the rule above, stored without a trailing slash. */
const endpoint = z
  .url({ protocol: /^https?$/, message: "Give a full URL such as https://example.com." })
  .refine(hasNoCredentials, NO_CREDENTIALS)
  .refine(
    isAllowedEndpoint,
    "Use https (plain http is allowed only to this machine's loopback addresses: localhost, " +
      "127.0.0.0/8 and [::1]).",
  )
  .transform((text) => text.replace(/\/+$/, ""));

/**
 * An https-only endpoint: MSAL takes no other authority, and the Azure SDK clients send a bearer
 * token over nothing else, not even to this machine.
 */
function httpsOnly(example: string) {
  return z
    .url({
      protocol: /^https$/,
      message:
        `Give an https URL such as ${example}: plain http is refused here even to this ` +
        "machine, as the Azure libraries send credentials over https only.",
    })
    .refine(hasNoCredentials, NO_CREDENTIALS)
    .transform((text) => text.replace(/\/+$/, ""));
}

const pem = z
  .string()
  .trim()
  .max(64 * 1024, "The extra trusted CA holds at most 64 KB of certificates.")
  .refine(
    readsAsCertificate,
    "The extra trusted CA must be PEM certificates (-----BEGIN CERTIFICATE----- …).",
  );

function readsAsCertificate(text: string): boolean {
  if (!text.includes("-----BEGIN CERTIFICATE-----")) return false;
  try {
    new X509Certificate(text);
    return true;
  } catch {
    return false;
  }
}

// Before any cloud kept such logs; after tomorrow nothing can be fetched yet.
const EARLIEST_START = Date.parse("2000-01-01T00:00:00Z");
const DAY_MS = 86_400_000;

const common = {
  /** Where the first run starts (ISO 8601, UTC); changing it restarts the source from there. */
  startFrom: z.iso
    .datetime({ offset: true, message: "Give the start time as a date and time (UTC)." })
    .refine((text) => {
      const at = Date.parse(text);
      return at >= EARLIEST_START && at <= Date.now() + DAY_MS;
    }, "The start time must lie between the year 2000 and today (UTC)."),
  lookbackMinutes: z
    .number({ message: "Give the look-back in minutes." })
    .int("Give the look-back in whole minutes.")
    .min(0, "The look-back cannot be negative.")
    .max(7 * 24 * 60, "The look-back is at most 10080 minutes (a week)."),
  /** Extra CA certificates (PEM) to trust for this source: private endpoints, TLS inspection. */
  caCertificate: pem.optional(),
};

const awsRegion = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, "Give an AWS region such as us-east-1.");

const awsAccess = {
  region: awsRegion,
  accessKeyId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{16,128}$/, "Give an access key id such as AKIAIOSFODNN7EXAMPLE."),
  roleArn: z
    .string()
    .trim()
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, "Give a role ARN.")
    .optional(),
  externalId: z
    .string()
    .trim()
    .min(2, "The external id has at least 2 characters.")
    .max(1224, "The external id has at most 1224 characters.")
    .optional(),
  stsEndpoint: endpoint.optional(),
};

const entraApp = {
  tenantId: z
    .string()
    .trim()
    .regex(/^[0-9a-zA-Z.-]{1,100}$/, "Give the tenant id (a GUID) or its domain."),
  clientId: z.uuid("Give the application (client) id, a GUID."),
  authorityHost: httpsOnly("https://login.microsoftonline.com").default(
    "https://login.microsoftonline.com",
  ),
  credentialType: z.enum(["secret", "certificate"], {
    message: "Choose the credential: a client secret or a certificate.",
  }),
};

export const S3TrailSettings = z.object({
  kind: z.literal("aws-s3"),
  ...common,
  ...awsAccess,
  bucket: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "Give a bucket name such as my-trail-logs."),
  /** The trail's S3 key prefix, without AWSLogs/ ("" when the trail has none). */
  prefix: z
    .string()
    .trim()
    .max(200, "The key prefix has at most 200 characters.")
    .transform((p) => p.replace(/^\/+|\/+$/g, ""))
    .default(""),
  s3Endpoint: endpoint.optional(),
  forcePathStyle: z.boolean().default(false),
});

export const LookupSettings = z.object({
  kind: z.literal("aws-lookup"),
  ...common,
  ...awsAccess,
  cloudtrailEndpoint: endpoint.optional(),
});

export const GraphSettings = z.object({
  kind: z.literal("entra-graph"),
  ...common,
  ...entraApp,
  graphBaseUrl: endpoint.default("https://graph.microsoft.com"),
});

export const ActivitySettings = z.object({
  kind: z.literal("azure-activity"),
  ...common,
  ...entraApp,
  armBaseUrl: httpsOnly("https://management.azure.com").default("https://management.azure.com"),
  subscriptionId: z.uuid("Give the subscription id, a GUID."),
});

export const LogAnalyticsSettings = z.object({
  kind: z.literal("log-analytics"),
  ...common,
  ...entraApp,
  logAnalyticsBaseUrl: httpsOnly("https://api.loganalytics.io").default(
    "https://api.loganalytics.io",
  ),
  workspaceId: z.uuid("Give the workspace id, a GUID."),
  tables: z
    .array(z.enum(LOG_ANALYTICS_TABLES, { message: "Choose tables from the list." }))
    .min(1, "Choose at least one table."),
});

/** A source's non-secret settings, as stored in pull_source.settings. */
export const SourceSettings = z.discriminatedUnion("kind", [
  S3TrailSettings,
  LookupSettings,
  GraphSettings,
  ActivitySettings,
  LogAnalyticsSettings,
]);
export type SourceSettings = z.infer<typeof SourceSettings>;
export type S3TrailSettings = z.infer<typeof S3TrailSettings>;
export type LookupSettings = z.infer<typeof LookupSettings>;
export type GraphSettings = z.infer<typeof GraphSettings>;
export type ActivitySettings = z.infer<typeof ActivitySettings>;
export type LogAnalyticsSettings = z.infer<typeof LogAnalyticsSettings>;
export type EntraAppSettings = GraphSettings | ActivitySettings | LogAnalyticsSettings;
export type AwsSettings = S3TrailSettings | LookupSettings;

/** The secret settings, sealed together; each field only for the kinds that use it. */
export const SourceSecrets = z.object({
  secretAccessKey: z.string().min(16).max(256).optional(),
  clientSecret: z.string().min(1).max(1024).optional(),
  /** PEM holding the app's certificate and its private key. */
  certificatePem: z
    .string()
    .max(64 * 1024)
    .optional(),
});
export type SourceSecrets = z.infer<typeof SourceSecrets>;

/** The secret fields a kind needs before it can run. */
export function requiredSecrets(settings: SourceSettings): (keyof SourceSecrets)[] {
  if (settings.kind === "aws-s3" || settings.kind === "aws-lookup") return ["secretAccessKey"];
  return settings.credentialType === "secret" ? ["clientSecret"] : ["certificatePem"];
}
