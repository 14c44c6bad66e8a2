import { type LoopbackServer, sendJson, startLoopbackServer } from "./loopback";
import type { TestCertificates } from "./test-certificates";

export interface TokenRequest {
  tenant: string;
  clientId: string;
  grantType: string;
  /** A certificate credential sends a signed assertion instead of a secret. */
  withAssertion: boolean;
  withSecret: boolean;
  scope: string;
}

export interface FakeEntra extends LoopbackServer {
  tokenRequests: TokenRequest[];
  /** Client ids whose token requests are refused as invalid_client. */
  refusedClients: Set<string>;
  /** Client ids whose token requests are never answered (a hung authority). */
  silentClients: Set<string>;
  /** A token endpoint the OpenID configuration names instead of this server's own. */
  tokenEndpoint: string | null;
}

/** The access token the fake issues to a client id; the API doubles check for it. */
export function fakeToken(clientId: string): string {
  return `fake-token-for-${clientId}`;
}

/**
 * Entra ID's token endpoint on loopback (https: MSAL refuses anything else): the OpenID
 * configuration MSAL reads first, then client-credentials tokens for any tenant.
 */
export async function startFakeEntra(certificates: TestCertificates): Promise<FakeEntra> {
  const tokenRequests: TokenRequest[] = [];
  const refusedClients = new Set<string>();
  const silentClients = new Set<string>();
  let base = "";
  const fake = {
    tokenRequests,
    refusedClients,
    silentClients,
    tokenEndpoint: null as string | null,
  };
  const server = await startLoopbackServer(
    (req, body, res) => {
      const url = new URL(req.url ?? "/", base);
      const [tenant = "", ...rest] = url.pathname.slice(1).split("/");
      const route = rest.join("/");
      if (req.method === "GET" && route === "v2.0/.well-known/openid-configuration") {
        sendJson(res, 200, {
          token_endpoint: fake.tokenEndpoint ?? `${base}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
          issuer: `${base}/${tenant}/v2.0`,
          jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
          end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
        });
        return;
      }
      if (req.method === "POST" && route === "oauth2/v2.0/token") {
        const form = new URLSearchParams(body.toString("utf8"));
        const clientId = form.get("client_id") ?? "";
        tokenRequests.push({
          tenant,
          clientId,
          grantType: form.get("grant_type") ?? "",
          withAssertion: form.has("client_assertion"),
          withSecret: form.has("client_secret"),
          scope: form.get("scope") ?? "",
        });
        if (silentClients.has(clientId)) return;
        if (refusedClients.has(clientId)) {
          sendJson(res, 401, {
            error: "invalid_client",
            error_description: "AADSTS7000215: Invalid client secret provided.",
          });
          return;
        }
        sendJson(res, 200, {
          token_type: "Bearer",
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: fakeToken(clientId),
        });
        return;
      }
      sendJson(res, 404, { error: "not_found" });
    },
    { key: certificates.serverKey, cert: certificates.serverCert },
  );
  base = server.url;
  return Object.assign(fake, server);
}
