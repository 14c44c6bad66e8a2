import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pool } from "../../db/client";
import { CASES_DIR } from "../../testing/fixtures";
import { giveEachFileATestDatabase } from "../../testing/test-database";
import { runSource } from "../run-source";
import { getSource } from "../source-store";
import { type FakeEntra, fakeToken, startFakeEntra } from "../testing/fake-entra";
import { sendJson, startLoopbackServer } from "../testing/loopback";
import {
  addTestSource,
  alertCounts,
  clearStoredData,
  FAST_RETRIES,
  storedEvents,
  useTestSecretKey,
} from "../testing/pull-fixtures";
import { loadExchange, type ScriptedApi, startScriptedApi } from "../testing/scripted-api";
import { makeTestCertificates, type TestCertificates } from "../testing/test-certificates";

giveEachFileATestDatabase();

const CLIENT_ID = "00000000-0000-4000-8000-000000000024";
const TENANT = "11111111-2222-4333-8444-555555555555";

let certificates: TestCertificates;
let entra: FakeEntra;
let graph: ScriptedApi;

beforeAll(async () => {
  useTestSecretKey();
  certificates = makeTestCertificates();
  entra = await startFakeEntra(certificates);
});

afterAll(async () => {
  await entra.close();
});

beforeEach(async () => {
  await clearStoredData();
  await graph?.close();
  graph = await startScriptedApi(fakeToken(CLIENT_ID));
});

function graphSource(credential: "secret" | "certificate" = "secret") {
  return addTestSource(
    {
      kind: "entra-graph",
      startFrom: "2024-03-05T00:00:00Z",
      lookbackMinutes: 30,
      caCertificate: certificates.serverCert,
      tenantId: TENANT,
      clientId: CLIENT_ID,
      authorityHost: entra.url,
      credentialType: credential,
      graphBaseUrl: graph.url,
    },
    credential === "secret"
      ? { clientSecret: "test-client-secret" }
      : { certificatePem: certificates.appPem },
  );
}

const exchange = (name: string) => loadExchange(path.join(CASES_DIR, name), graph.url);

describe("Entra audit logs from Microsoft Graph", () => {
  it("case 24: follows every @odata.nextLink verbatim, then moves the checkpoint", async () => {
    graph.load(exchange("24-graph-nextlink.pages.json"));
    const id = await graphSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(graph.problems).toEqual([]);
    expect(graph.remaining()).toBe(0);
    expect(run?.status).toBe("succeeded");
    expect(run?.totals).toMatchObject({ files: 3, fetched: 5, stored: 5, duplicates: 0 });
    expect(await storedEvents()).toBe(5);
    expect(await alertCounts()).toEqual({ parity: 0, hardened: 1 });
    const source = await getSource(id);
    expect(source?.checkpoint?.through).toBeDefined();
    expect(entra.tokenRequests.at(-1)).toMatchObject({
      tenant: TENANT,
      grantType: "client_credentials",
      withSecret: true,
      scope: `${graph.url}/.default`,
    });
  });

  it("case 25: waits Retry-After on a 429 and asks for the same page again", async () => {
    graph.load(exchange("25-graph-429-throttling.exchange.json"));
    const id = await graphSource("certificate");

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(graph.problems).toEqual([]);
    expect(graph.remaining()).toBe(0);
    expect(run?.status).toBe("succeeded");
    expect(await storedEvents()).toBe(4);
    expect(await alertCounts()).toEqual({ parity: 0, hardened: 0 });
    expect(entra.tokenRequests.at(-1)).toMatchObject({ withAssertion: true, withSecret: false });
  }, 30_000);

  it("persistent throttling: stops as throttled, then resumes without a gap or a duplicate", async () => {
    const [page1, throttled, , page2] = exchange("25-graph-429-throttling.exchange.json");
    if (!page1 || !throttled || !page2) throw new Error("case 25 changed shape");
    const busy = (notBeforeMs: number) => ({
      ...throttled,
      headers: { "Retry-After": "1" },
      notBeforeMs,
    });
    // Page 2 answers 429 six times in a row: the first run gives up after its five tries, the
    // second reads page 1 again, is throttled once more, then gets page 2.
    graph.load([
      { ...page1, notBeforeMs: 0 },
      busy(0),
      ...Array.from({ length: 4 }, () => busy(1000)),
      { ...page1, notBeforeMs: 0 },
      busy(0),
      { ...page2, notBeforeMs: 1000 },
    ]);
    const id = await graphSource();

    const first = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
    expect(first?.status).toBe("failed");
    expect(first?.error?.kind).toBe("throttled");
    expect(first?.totals.stored).toBe(2);
    expect((await getSource(id))?.checkpoint).toBeNull();

    const second = await runSource(id, { trigger: "schedule", tuning: FAST_RETRIES });
    expect(second?.status).toBe("succeeded");
    expect(second?.totals).toMatchObject({ stored: 2, duplicates: 2 });
    expect(graph.problems).toEqual([]);
    expect(graph.remaining()).toBe(0);
    expect(await storedEvents()).toBe(4);
    expect((await getSource(id))?.checkpoint).not.toBeNull();
  }, 30_000);

  it("a refused app stops the run as unauthorised without asking Graph", async () => {
    entra.refusedClients.add(CLIENT_ID);
    try {
      const id = await graphSource();
      const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
      expect(run?.status).toBe("failed");
      expect(run?.error?.kind).toBe("unauthorised");
      expect(graph.requests).toHaveLength(0);
    } finally {
      entra.refusedClients.delete(CLIENT_ID);
    }
  });

  it("a 401 from Graph is unauthorised, a 500 is retried, an error body is never an empty page", async () => {
    const [page1] = exchange("24-graph-nextlink.pages.json");
    if (!page1) throw new Error("case 24 changed shape");
    const error = (status: number) => ({
      ...page1,
      status,
      body: { error: { code: `E${status}` } },
    });
    graph.load([error(500), error(401)]);
    const id = await graphSource();

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error?.kind).toBe("unauthorised");
    expect(run?.error?.message).toContain("E401");
    expect(run?.totals.files).toBe(0);
    expect(graph.requests).toHaveLength(2);
    expect((await getSource(id))?.checkpoint).toBeNull();
  });

  it("a token request that is never answered times out as a network error and is retried", async () => {
    const id = await graphSource();
    entra.silentClients.add(CLIENT_ID);
    entra.tokenRequests.length = 0;
    try {
      const run = await runSource(id, {
        trigger: "manual",
        tuning: { ...FAST_RETRIES, requestTimeoutMs: 300, maxTries: 2 },
      });
      expect(run?.error?.kind).toBe("network");
      expect(run?.error?.message).toContain("token request");
      expect(entra.tokenRequests.length).toBeGreaterThanOrEqual(2);
      expect(graph.requests).toHaveLength(0);
    } finally {
      entra.silentClients.clear();
    }
  });

  it("a token endpoint from the discovery document is held to the endpoint rule", async () => {
    // 0.0.0.0 reaches this machine but is not a loopback name the endpoint rule allows.
    const posts: string[] = [];
    const catcher = await startLoopbackServer((_req, body, res) => {
      posts.push(body.toString("utf8"));
      sendJson(res, 200, { token_type: "Bearer", expires_in: 3599, access_token: "stolen" });
    });
    entra.tokenEndpoint = `${catcher.url.replace("127.0.0.1", "0.0.0.0")}/oauth2/v2.0/token`;
    try {
      const id = await graphSource();
      const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

      expect(posts).toEqual([]);
      expect(run?.error?.kind).toBe("configuration");
      expect(run?.error?.message).toContain("http://0.0.0.0:");
      expect(graph.requests).toHaveLength(0);
    } finally {
      entra.tokenEndpoint = null;
      await catcher.close();
    }
  });

  it("an authority whose certificate is not trusted stops the run with a certificate error", async () => {
    const id = await addTestSource(
      {
        kind: "entra-graph",
        startFrom: "2024-03-05T00:00:00Z",
        lookbackMinutes: 30,
        tenantId: TENANT,
        clientId: CLIENT_ID,
        authorityHost: entra.url,
        credentialType: "secret",
        graphBaseUrl: graph.url,
      },
      { clientSecret: "test-client-secret" },
    );

    const run = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(run?.error?.kind).toBe("certificate");
    expect(run?.error?.message).toContain("Extra trusted CA");
  });

  it("a page the database failed to store stops the run; the next run stores it once", async () => {
    const pages = exchange("24-graph-nextlink.pages.json");
    const [page1] = pages;
    if (!page1) throw new Error("case 24 changed shape");
    graph.load([page1]);
    await pool().query(`
      CREATE FUNCTION refuse_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await pool().query(
      "CREATE TRIGGER refuse_all BEFORE INSERT ON event FOR EACH ROW EXECUTE FUNCTION refuse_all()",
    );
    const id = await graphSource();
    try {
      const first = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });
      expect(first?.error?.kind).toBe("internal");
      expect((await getSource(id))?.checkpoint).toBeNull();
    } finally {
      await pool().query("DROP TRIGGER refuse_all ON event");
      await pool().query("DROP FUNCTION refuse_all()");
    }

    graph.load(pages);
    const second = await runSource(id, { trigger: "manual", tuning: FAST_RETRIES });

    expect(second?.status).toBe("succeeded");
    expect(graph.remaining()).toBe(0);
    expect(await storedEvents()).toBe(5);
  });
});
