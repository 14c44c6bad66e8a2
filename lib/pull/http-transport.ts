import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import type { PullTuning } from "./tuning";

export interface HttpRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The connection could not be made or broke: worth another try, unlike an HTTP answer. */
export class TransportFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransportFailure";
  }
}

/**
 * One HTTP exchange over node:http(s), so a source's own CA certificates apply (fetch cannot take
 * them without another package). Bodies are read whole up to `maxBodyBytes`: a page must be
 * validated before any of it is stored.
 */
export function send(
  request: HttpRequest,
  tuning: PullTuning,
  signal: AbortSignal,
  ca?: string,
): Promise<HttpResponse> {
  const url = new URL(request.url);
  const client = url.protocol === "https:" ? https : http;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(tuning.requestTimeoutMs)]);
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        signal: deadline,
        ...(ca && url.protocol === "https:" ? { ca } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > tuning.maxBodyBytes) {
            req.destroy(new TransportFailure(`the answer exceeded ${tuning.maxBodyBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          });
        });
        res.on("error", (error) => reject(new TransportFailure(error.message, { cause: error })));
      },
    );
    // A connect timeout of its own: an unreachable address fails in seconds, while a slow query
    // (Log Analytics may compute for a while) still has the whole request timeout.
    req.on("socket", (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        req.destroy(new TransportFailure(`no connection within ${tuning.connectTimeoutMs} ms`));
      }, tuning.connectTimeoutMs);
      socket.once("connect", () => clearTimeout(timer));
      socket.once("close", () => clearTimeout(timer));
    });
    req.on("error", (error) => {
      reject(
        error instanceof TransportFailure
          ? error
          : new TransportFailure(error.message, { cause: error }),
      );
    });
    req.end(request.body);
  });
}
