import http from "node:http";
import https from "node:https";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { awsCall } from "./aws-call";
import { PullError } from "./pull-error";
import type { AwsSettings, LookupSettings, S3TrailSettings, SourceSecrets } from "./settings";
import type { PullTuning } from "./tuning";

interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

type CredentialProvider = () => Promise<AwsCredentials>;

// Renew an assumed role's keys this long before they expire, so no request is signed with keys
// that lapse in flight.
const RENEW_BEFORE_MS = 5 * 60_000;
const ROLE_SESSION_SECONDS = 3600;

/**
 * The SDK's transport with this source's limits: a connect timeout so an unreachable endpoint
 * fails in seconds, the whole-request deadline, and the source's CA certificates.
 */
function requestHandler(
  settings: AwsSettings,
  tuning: PullTuning,
  keepAlive = true,
): NodeHttpHandler {
  const ca = settings.caCertificate;
  return new NodeHttpHandler({
    connectionTimeout: tuning.connectTimeoutMs,
    requestTimeout: tuning.requestTimeoutMs,
    throwOnRequestTimeout: true,
    httpAgent: new http.Agent({ keepAlive }),
    httpsAgent: new https.Agent({ keepAlive, ...(ca ? { ca } : {}) }),
  });
}

/**
 * The keys requests are signed with: the user's access key, or the role it assumes through STS
 * (renewed before expiry). Explicit keys only: the SDK's default chain, which would probe the
 * instance metadata service, is never consulted.
 */
export function awsCredentials(
  settings: AwsSettings,
  secrets: SourceSecrets,
  tuning: PullTuning,
  signal: AbortSignal,
): CredentialProvider {
  if (!secrets.secretAccessKey) {
    throw new PullError(
      "configuration",
      "The source has no secret access key stored: edit it and enter one.",
    );
  }
  const base: AwsCredentials = {
    accessKeyId: settings.accessKeyId,
    secretAccessKey: secrets.secretAccessKey,
  };
  const { roleArn } = settings;
  if (!roleArn) return async () => base;

  const sts = new STSClient({
    region: settings.region,
    credentials: base,
    maxAttempts: 1,
    // One request an hour at most: no connection is kept open for it (the client is not closed).
    requestHandler: requestHandler(settings, tuning, false),
    ...(settings.stsEndpoint ? { endpoint: settings.stsEndpoint } : {}),
  });
  let current: AwsCredentials | null = null;
  return async () => {
    const fresh =
      current?.expiration && current.expiration.getTime() - Date.now() > RENEW_BEFORE_MS;
    if (current && fresh) return current;
    current = await assumeRole(sts, settings, roleArn, tuning, signal);
    return current;
  };
}

async function assumeRole(
  sts: STSClient,
  settings: AwsSettings,
  roleArn: string,
  tuning: PullTuning,
  signal: AbortSignal,
): Promise<AwsCredentials> {
  const output = await awsCall(`Assuming the role ${roleArn}`, tuning, signal, () =>
    sts.send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: "tripline-pull",
        DurationSeconds: ROLE_SESSION_SECONDS,
        ...(settings.externalId ? { ExternalId: settings.externalId } : {}),
      }),
      { abortSignal: signal },
    ),
  );
  const keys = output.Credentials;
  if (!keys?.AccessKeyId || !keys.SecretAccessKey || !keys.SessionToken) {
    throw new PullError("invalid_response", `STS returned no keys for ${roleArn}.`);
  }
  return {
    accessKeyId: keys.AccessKeyId,
    secretAccessKey: keys.SecretAccessKey,
    sessionToken: keys.SessionToken,
    expiration: keys.Expiration,
  };
}

export function s3Client(
  settings: S3TrailSettings,
  credentials: CredentialProvider,
  tuning: PullTuning,
): S3Client {
  return new S3Client({
    region: settings.region,
    credentials,
    maxAttempts: 1,
    forcePathStyle: settings.forcePathStyle,
    requestHandler: requestHandler(settings, tuning),
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
  });
}

export function cloudTrailClient(
  settings: LookupSettings,
  credentials: CredentialProvider,
  tuning: PullTuning,
): CloudTrailClient {
  return new CloudTrailClient({
    region: settings.region,
    credentials,
    maxAttempts: 1,
    requestHandler: requestHandler(settings, tuning),
    ...(settings.cloudtrailEndpoint ? { endpoint: settings.cloudtrailEndpoint } : {}),
  });
}
