import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkFailure } from "./api-request";
import { send, TransportFailure } from "./http-transport";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./testing/loopback";
import { makeTestCertificates, type TestCertificates } from "./testing/test-certificates";
import { DEFAULT_TUNING } from "./tuning";

let certificates: TestCertificates;
let server: LoopbackServer;

beforeAll(async () => {
  certificates = makeTestCertificates();
  server = await startLoopbackServer((_req, _body, res) => sendJson(res, 200, { ok: true }), {
    key: certificates.serverKey,
    cert: certificates.serverCert,
  });
});

afterAll(async () => {
  await server.close();
});

async function failureOf(ca?: string): Promise<unknown> {
  const signal = new AbortController().signal;
  try {
    await send({ method: "GET", url: `${server.url}/`, headers: {} }, DEFAULT_TUNING, signal, ca);
    return null;
  } catch (error) {
    return error;
  }
}

describe("certificate failures", () => {
  it("an untrusted certificate is its own kind, named and not retried", async () => {
    const error = await failureOf();
    expect(error).toBeInstanceOf(TransportFailure);

    const result = networkFailure("Reading the page", error as TransportFailure);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.retryable).toBe(false);
    expect(result.error.kind).toBe("certificate");
    expect(result.error.message).toMatch(/TLS certificate is not trusted \([A-Z_]+\)/);
  });

  it("the same server with its CA trusted answers", async () => {
    expect(await failureOf(certificates.serverCert)).toBeNull();
  });

  it("a refused connection stays a network failure, retried", () => {
    const result = networkFailure("Reading the page", new TransportFailure("connect ECONNREFUSED"));
    expect(result).toMatchObject({ ok: false, retryable: true, error: { kind: "network" } });
  });
});
