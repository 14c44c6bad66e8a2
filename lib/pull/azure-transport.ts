import type { IncomingHttpHeaders } from "node:http";
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { send } from "./http-transport";
import { PullError } from "./pull-error";
import type { PullTuning } from "./tuning";

/** The HTTP client an Azure SDK client sends through, and the bytes of its last answer. */
export interface AzureTransport {
  httpClient: HttpClient;
  /** The body of the last answer exactly as received, once: the raw record of what is stored. */
  takeBody: () => Buffer;
}

/**
 * Tripline's own transport under the Azure SDK clients: the source's CA certificates, a connect
 * timeout, the whole-request deadline and the body size limit hold as for every other pull, and
 * the raw page is kept for ingest (the SDK hands back only its deserialised models). Requests may
 * only go to `endpoint`'s origin, so the bearer token is never sent anywhere else, whatever a
 * next link or a redirect names.
 */
export function azureTransport(
  endpoint: string,
  tuning: PullTuning,
  signal: AbortSignal,
  ca?: string,
): AzureTransport {
  const origin = new URL(endpoint).origin;
  let lastBody: Buffer | null = null;

  const httpClient: HttpClient = {
    async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
      if (new URL(request.url).origin !== origin) {
        throw new PullError(
          "invalid_response",
          `The service sent a link that leaves ${origin}; the run stopped there.`,
        );
      }
      if (request.method !== "GET" && request.method !== "POST") {
        throw new Error(`unsupported method ${request.method}`);
      }
      if (request.body !== undefined && typeof request.body !== "string") {
        throw new Error("only string request bodies are supported");
      }
      const headers = request.headers.toJSON();
      // Our transport does not decompress: ask for the identity encoding, as before the SDK.
      delete headers["accept-encoding"];
      const response = await send(
        { method: request.method, url: request.url, headers, body: request.body },
        tuning,
        signal,
        ca,
      );
      lastBody = response.body;
      return {
        request,
        status: response.status,
        headers: createHttpHeaders(flatHeaders(response.headers)),
        bodyAsText: response.body.toString("utf8"),
      };
    },
  };

  return {
    httpClient,
    takeBody: () => {
      const body = lastBody;
      lastBody = null;
      if (!body) throw new Error("no answer was received");
      return body;
    },
  };
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
