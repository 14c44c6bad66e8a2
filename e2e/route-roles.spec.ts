import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { ROLES, type Role } from "../lib/auth/roles";
import { type AppRoute, appRoutes } from "./support/routes";
import { signIn } from "./support/sign-in";

// The routes anyone may open. Everything else found under app/ must be listed in MIN_ROLE: a new
// page or route handler fails the first test below until someone decides who may use it.
const PUBLIC = new Set(["GET /api/health", "GET /login", "GET /setup"]);

const MIN_ROLE: Record<string, Role> = {
  "GET /": "viewer",
  "GET /alerts": "viewer",
  "GET /alerts/[id]": "viewer",
  "GET /alerts/[id]/pivot": "viewer",
  "GET /overview": "viewer",
  "GET /allowlist": "viewer",
  "GET /allowlist/new": "admin",
  "GET /allowlist/[id]/edit": "admin",
  "GET /allowlist/history": "viewer",
  "GET /api/alerts/export": "viewer",
  "GET /api/events/[id]/raw": "viewer",
  "GET /ingest": "analyst",
  "GET /ingest/history": "viewer",
  "GET /ingest/history/[id]": "viewer",
  "GET /settings/password": "viewer",
  "GET /settings/tokens": "viewer",
  "GET /admin/users": "admin",
  "GET /admin/audit": "admin",
  "POST /api/ingest": "analyst",
  "GET /api/ingest/jobs/[id]": "viewer",
  "GET /api/v1/alerts": "viewer",
  "GET /parity": "viewer",
  "GET /api/parity": "viewer",
  "GET /sources": "analyst",
  "GET /sources/new": "admin",
  "GET /sources/[id]": "analyst",
};

const ROUTES = appRoutes();
const GUARDED = ROUTES.filter((route) => !PUBLIC.has(route.key));
// A well-formed session token that no session has: the cookie is there, the session is not.
const FORGED_COOKIE = `tripline_session=${"A".repeat(43)}`;

function send(request: APIRequestContext, route: AppRoute, headers: Record<string, string> = {}) {
  // Same-origin headers, as our own pages send them: the role check is what is under test.
  const options = {
    headers: { origin: test.info().project.use.baseURL ?? "", ...headers },
    maxRedirects: 0,
  };
  return route.method === "GET"
    ? request.get(route.url, options)
    : request.fetch(route.url, { ...options, method: route.method, multipart: { none: "" } });
}

function expectSignInRequired(route: AppRoute, response: APIResponse) {
  if (route.kind === "api") {
    expect(response.status(), route.key).toBe(401);
  } else {
    expect(response.status(), route.key).toBe(307);
    expect(response.headers().location, route.key).toMatch(/^\/login\?next=/);
  }
}

test("every page and route handler on disk has a declared role", () => {
  expect(ROUTES.length).toBeGreaterThan(5);
  const undeclared = GUARDED.filter((route) => !(route.key in MIN_ROLE)).map((r) => r.key);
  expect(undeclared, "add these to MIN_ROLE in e2e/route-roles.spec.ts").toEqual([]);
});

test("anonymous requests are sent to sign in (pages) or answered 401 (API)", async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const route of GUARDED) {
    expectSignInRequired(route, await send(anonymous, route));
    // With a cookie present, proxy.ts lets the request through: the page's own check answers.
    expectSignInRequired(route, await send(anonymous, route, { cookie: FORGED_COOKIE }));
  }
  await anonymous.dispose();
});

for (const role of ROLES) {
  test(`as ${role}: 403 below each route's role, through at or above it`, async ({ page }) => {
    await signIn(page, role);
    for (const route of GUARDED) {
      const needed = MIN_ROLE[route.key];
      if (!needed) continue;
      const response = await send(page.request, route);
      const allowed = ROLES.indexOf(role) >= ROLES.indexOf(needed);
      if (route.kind === "api") {
        expect(response.headers()["cache-control"], route.key).toContain("no-store");
      }
      if (allowed) {
        expect([401, 403], `${route.key} as ${role}`).not.toContain(response.status());
        expect(response.headers().location ?? "", route.key).not.toMatch(/^\/login/);
      } else {
        expect(response.status(), `${route.key} as ${role}`).toBe(403);
      }
    }
  });
}
