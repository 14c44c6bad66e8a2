import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { ClientCertificateCredential, ClientSecretCredential } from "@azure/identity";
import { logger } from "../log";
import { PullError } from "./pull-error";
import { type EntraAppSettings, isAllowedEndpoint, type SourceSecrets } from "./settings";
import { certificateError, tlsTrustCode } from "./tls-trust";
import type { PullTuning } from "./tuning";

const log = logger("pull");

export type TokenSource = (signal: AbortSignal) => Promise<string>;

/**
 * Bearer tokens for one API (`resourceBaseUrl`) from the source's app registration, with a client
 * secret or a certificate. The credential caches and renews its token, so calling this per request
 * is cheap. The authority host is the source's own (sovereign clouds, test doubles).
 */
export function entraTokenSource(
  settings: EntraAppSettings,
  secrets: SourceSecrets,
  resourceBaseUrl: string,
  tuning: PullTuning,
): TokenSource {
  const { credential, refused } = makeCredential(settings, secrets, tuning);
  const scope = entraScope(resourceBaseUrl);
  return async (signal) => {
    try {
      const token = await credential.getToken(scope, { abortSignal: signal });
      if (token) return token.token;
    } catch (error) {
      throw refused() ?? tokenError(error);
    }
    throw noToken();
  };
}

/** The scope of an API: its origin plus /.default, the app's granted application permissions. */
export function entraScope(resourceBaseUrl: string): string {
  return `${new URL(resourceBaseUrl).origin}/.default`;
}

/**
 * The source's credential for an Azure SDK client: its failures become the same error kinds as
 * for the token source above, so the pipeline gives up at once instead of retrying a refusal.
 */
export function entraCredential(
  settings: EntraAppSettings,
  secrets: SourceSecrets,
  tuning: PullTuning,
): TokenCredential {
  const { credential, refused } = makeCredential(settings, secrets, tuning);
  return {
    async getToken(scopes, options) {
      let token: AccessToken | null;
      try {
        token = await credential.getToken(scopes, options);
      } catch (error) {
        throw refused() ?? tokenError(error);
      }
      if (!token) throw noToken();
      return token;
    },
  };
}

function noToken(): PullError {
  return new PullError("unauthorised", "Entra ID issued no token for the app: check its settings.");
}

interface GuardedCredential {
  credential: TokenCredential;
  /** Why a request of the credential's was stopped by the endpoint rule, if one was. */
  refused: () => PullError | null;
}

function makeCredential(
  settings: EntraAppSettings,
  secrets: SourceSecrets,
  tuning: PullTuning,
): GuardedCredential {
  const guard = endpointGuard(tuning.requestTimeoutMs);
  const options = {
    authorityHost: settings.authorityHost,
    // Instance discovery asks the public cloud about the authority: skipped, so a sovereign or
    // private authority host is used as given and nothing else is contacted.
    disableInstanceDiscovery: true,
    retryOptions: { maxRetries: 2 },
    additionalPolicies: [{ policy: guard.policy, position: "perCall" as const }],
    ...(settings.caCertificate ? { tlsOptions: { ca: settings.caCertificate } } : {}),
  };
  if (settings.credentialType === "certificate") {
    if (!secrets.certificatePem) throw missing("certificate");
    const credential = new ClientCertificateCredential(
      settings.tenantId,
      settings.clientId,
      { certificate: secrets.certificatePem },
      options,
    );
    return { credential, refused: guard.refused };
  }
  if (!secrets.clientSecret) throw missing("client secret");
  const credential = new ClientSecretCredential(
    settings.tenantId,
    settings.clientId,
    secrets.clientSecret,
    options,
  );
  return { credential, refused: guard.refused };
}

/**
 * Holds every request of the credential, including the token endpoint the authority's OpenID
 * discovery document names, to the rule configured endpoints follow, and notes a certificate
 * that is not trusted. MSAL wraps whatever fails below it in its own error without the cause,
 * so what happened is kept here for the caller to report. Each request gets the pull's timeout:
 * one that runs out is a network failure, as for every other request of a pull.
 */
function endpointGuard(timeoutMs: number): {
  policy: PipelinePolicy;
  refused: () => PullError | null;
} {
  let refusal: PullError | null = null;
  const policy: PipelinePolicy = {
    name: "tripline-endpoint-rule",
    async sendRequest(request, next) {
      refusal = null;
      request.timeout = timeoutMs;
      if (!isAllowedEndpoint(request.url)) {
        const address = URL.canParse(request.url) ? new URL(request.url).origin : "an address";
        refusal = new PullError(
          "configuration",
          `The Entra authority named ${address} for its tokens, which is neither https nor ` +
            "this machine: nothing was sent there. Check the authority host.",
        );
        throw refusal;
      }
      try {
        return await next(request);
      } catch (error) {
        const trust = tlsTrustCode(error);
        if (trust) refusal = certificateError("The Entra token request", trust);
        else if (timedOut(error, request.abortSignal)) refusal = tokenTimeout(timeoutMs);
        throw error;
      }
    },
  };
  return { policy, refused: () => refusal };
}

/** The pipeline aborts a request whose timeout ran out; a stopped run aborts it too. */
function timedOut(error: unknown, runSignal: { aborted: boolean } | undefined): boolean {
  return error instanceof Error && error.name === "AbortError" && !runSignal?.aborted;
}

function tokenTimeout(timeoutMs: number): PullError {
  return new PullError(
    "network",
    `Entra ID did not answer the token request within ${Math.round(timeoutMs / 1000)} s: ` +
      "check the authority host and the network.",
  );
}

function missing(what: string): PullError {
  return new PullError("configuration", `The source has no ${what} stored: edit it and enter one.`);
}

/**
 * What a failed token request means. @azure/identity reports a refusal by Entra as
 * AuthenticationRequiredError whose message starts with the OAuth error code, and an authority it
 * cannot reach as CredentialUnavailableError (endpoints_resolution_error).
 */
function tokenError(error: unknown): PullError {
  const name = error instanceof Error ? error.name : "unknown";
  const message = error instanceof Error ? error.message : "";
  const status = statusOf(error);
  const code = /^([a-z_]+):/.exec(message)?.[1] ?? null;
  const aadsts = /\bAADSTS\d+/.exec(message)?.[0] ?? null;
  log.warn({ errorName: name, status, code, aadsts }, "Entra token request failed");

  if (status === 429) {
    return new PullError(
      "throttled",
      "Entra ID throttled the token request; the next run retries.",
    );
  }
  if (status !== null && status >= 500) {
    return new PullError("server", `Entra ID failed to issue a token (HTTP ${status}).`);
  }
  const unreachable = /endpoints_resolution_error|network_error|ECONNREFUSED|ETIMEDOUT|ENOTFOUND/;
  if (unreachable.test(message)) {
    return new PullError(
      "network",
      "Entra ID could not be reached for a token: check the authority host and the network.",
      { cause: error },
    );
  }
  if (name === "CredentialUnavailableError") {
    return new PullError(
      "configuration",
      "The app's credential cannot be used: check the certificate and its private key.",
      { cause: error },
    );
  }
  const detail = [code, aadsts].filter(Boolean).join(", ");
  return new PullError(
    "unauthorised",
    "Entra ID refused the app's credentials" +
      (detail ? ` (${detail})` : "") +
      ": check the tenant id, client id and the secret or certificate.",
    { cause: error },
  );
}

function statusOf(error: unknown): number | null {
  if (typeof error !== "object" || error === null || !("statusCode" in error)) return null;
  return typeof error.statusCode === "number" ? error.statusCode : null;
}
