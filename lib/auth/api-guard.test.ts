import { describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { requireApiUser } from "./api-guard";
import { createApiToken } from "./api-token-store";
import { SESSION_COOKIE } from "./session-cookie";
import { createSession, deleteSession } from "./session-store";
import { makeUser } from "./test-users";

giveEachFileATestDatabase();

const URL = "http://127.0.0.1:3000/api/ingest";

function request(method: string, headers: Record<string, string>): Request {
  return new Request(URL, { method, headers: { host: "127.0.0.1:3000", ...headers } });
}

async function sessionCookie(role: "viewer" | "analyst" | "admin"): Promise<string> {
  const user = await makeUser(role);
  return `${SESSION_COOKIE}=${(await createSession(user.id)).token}`;
}

describe("route handler guard", () => {
  it("answers 401 without credentials, or with bad ones", async () => {
    await expect(requireApiUser(request("GET", {}), "viewer")).rejects.toMatchObject({
      code: "unauthorized",
      status: 401,
    });
    const bogus = { cookie: `${SESSION_COOKIE}=${"A".repeat(43)}` };
    await expect(requireApiUser(request("GET", bogus), "viewer")).rejects.toMatchObject({
      code: "unauthorized",
    });
    const badToken = { authorization: "Bearer trpl_nope" };
    await expect(requireApiUser(request("GET", badToken), "viewer")).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("answers 403 to a role below the one needed", async () => {
    const cookie = await sessionCookie("viewer");
    const sameOrigin = { cookie, "sec-fetch-site": "same-origin" };
    await expect(requireApiUser(request("POST", sameOrigin), "analyst")).rejects.toMatchObject({
      code: "forbidden",
      status: 403,
    });
    const principal = await requireApiUser(request("GET", { cookie }), "viewer");
    expect(principal).toMatchObject({ via: "session", role: "viewer" });
  });

  it("refuses a cookie-authenticated POST from another site", async () => {
    const cookie = await sessionCookie("admin");
    const crossSite = { cookie, "sec-fetch-site": "cross-site", origin: "http://evil.example" };
    await expect(requireApiUser(request("POST", crossSite), "analyst")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(requireApiUser(request("POST", { cookie }), "analyst")).rejects.toMatchObject({
      code: "forbidden",
    });
    const sameOrigin = { cookie, origin: "http://127.0.0.1:3000" };
    expect((await requireApiUser(request("POST", sameOrigin), "analyst")).role).toBe("admin");
  });

  it("accepts a Bearer token without origin headers, at the token's role", async () => {
    const owner = await makeUser("admin");
    const { token } = await createApiToken(owner, { name: "ci", role: "analyst", lifetime: "30" });
    const auth = { authorization: `Bearer ${token}` };
    const principal = await requireApiUser(request("POST", auth), "analyst");
    expect(principal).toMatchObject({ via: "token", role: "analyst", user: { id: owner.id } });
    await expect(requireApiUser(request("POST", auth), "admin")).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("never falls back to the cookie when a Bearer token is wrong", async () => {
    const cookie = await sessionCookie("admin");
    const mixed = { cookie, authorization: "Bearer trpl_wrong" };
    await expect(requireApiUser(request("GET", mixed), "viewer")).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("stops accepting a session cookie after sign-out", async () => {
    const user = await makeUser("viewer");
    const { token } = await createSession(user.id);
    const cookie = { cookie: `other=1; ${SESSION_COOKIE}=${token}` };
    await requireApiUser(request("GET", cookie), "viewer");
    await deleteSession(token);
    await expect(requireApiUser(request("GET", cookie), "viewer")).rejects.toMatchObject({
      code: "unauthorized",
    });
  });
});
