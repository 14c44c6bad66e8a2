import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:40123, no trailing slash. */
  url: string;
  close: () => Promise<void>;
}

export type Handler = (
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
) => void | Promise<void>;

/**
 * A test double on 127.0.0.1 with a port of the system's choosing: plain http, or https with the
 * given key and certificate. Request bodies are read whole before the handler runs.
 */
export async function startLoopbackServer(
  handler: Handler,
  tls?: { key: string; cert: string },
): Promise<LoopbackServer> {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      Promise.resolve(handler(req, Buffer.concat(chunks), res)).catch((error: unknown) => {
        res.statusCode = 599;
        res.end(`test double failed: ${String(error)}`);
      });
    });
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
}
