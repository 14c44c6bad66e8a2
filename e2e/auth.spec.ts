import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { fillSignIn, signIn, signOut } from "./support/sign-in";

const NOT_ALLOWED = { name: "Not allowed" } as const;

/** An admin creates a fresh account through the Users page; returns its credentials. */
async function createAccount(browser: Browser, role: "viewer" | "analyst" | "admin") {
  const page = await browser.newPage();
  await signIn(page, "admin");
  const email = `${role}-${randomUUID()}@e2e.test`;
  const password = `pw-${randomUUID()}`;
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "New user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByLabel("First password").fill(password);
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(`Created ${email}`)).toBeVisible();
  await page.close();
  return { email, password };
}

/** The sign-in form's message (Next keeps an empty route announcer with the alert role too). */
function signInAlert(page: Page) {
  return page.getByRole("form", { name: "Sign in" }).getByRole("alert");
}

async function expectSignInPage(page: Page) {
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}

test("a user signs in, and after signing out the dashboard asks to sign in again", async ({
  page,
}) => {
  await page.goto("/alerts");
  await expectSignInPage(page);

  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
  await signOut(page);
  await page.goto("/alerts");
  await expectSignInPage(page);
});

test("a wrong password is refused with one plain sentence", async ({ page }) => {
  await page.goto("/login");
  await fillSignIn(page, "viewer@e2e.test", "not the password");
  await expect(signInAlert(page)).toHaveText(/do not match an account/);
  await expect(page).toHaveURL(/\/login/);
});

test("a stolen session cookie stops working once its owner signs out", async ({ browser }) => {
  const owner = await browser.newPage();
  await signIn(owner, "analyst");
  const cookies = await owner.context().cookies();
  const session = cookies.find((cookie) => cookie.name.endsWith("tripline_session"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const stolen = await thief.newPage();
  await stolen.goto("/alerts");
  await expect(stolen.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
  expect((await thief.request.get("/api/v1/alerts")).status()).toBe(200);

  await signOut(owner);
  await stolen.goto("/alerts");
  await expectSignInPage(stolen);
  expect((await thief.request.get("/api/v1/alerts")).status()).toBe(401);
  await thief.close();
});

test("a viewer reads alerts and the allowlist but cannot reach upload or the editor", async ({
  page,
}) => {
  await signIn(page, "viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Alerts" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Upload" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.goto("/allowlist?actor=someone");
  await expect(page.getByRole("heading", { name: "Allowlist", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /new entry/i })).toHaveCount(0);
  await expect(page.getByText("Only admins can add, change or delete entries.")).toBeVisible();
  const editor = await page.goto("/allowlist/new");
  expect(editor?.status()).toBe(403);

  const upload = await page.goto("/ingest");
  expect(upload?.status()).toBe(403);
  await expect(page.getByRole("heading", NOT_ALLOWED)).toBeVisible();
});

test("an analyst cannot create users", async ({ page }) => {
  await signIn(page, "analyst");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Upload" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);

  const users = await page.goto("/admin/users");
  expect(users?.status()).toBe(403);
  await expect(page.getByRole("heading", NOT_ALLOWED)).toBeVisible();
  await expect(page.getByRole("form", { name: "New user" })).toHaveCount(0);
});

test("sign-in guessing is throttled, even for the right password afterwards", async ({
  browser,
  page,
}) => {
  const { email, password } = await createAccount(browser, "viewer");
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await fillSignIn(page, email, `guess number ${attempt}`);
    await expect(signInAlert(page)).toHaveText(/do not match an account/);
  }
  await fillSignIn(page, email, password);
  await expect(signInAlert(page)).toHaveText(/Too many failed sign-ins/);
  await expect(page).toHaveURL(/\/login/);
});

test("an API token works on the JSON API until it is revoked", async ({ page, request }) => {
  await signIn(page, "analyst");
  await page.goto("/settings/tokens");
  const name = `ci ${randomUUID()}`;
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^trpl_/);

  const auth = { authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/alerts?range=all", { headers: auth });
  expect(list.status()).toBe(200);
  expect(await list.json()).toMatchObject({ page: 1, alerts: expect.any(Array) });
  // A viewer token may read but not upload.
  const upload = await request.post("/api/ingest", { headers: auth, multipart: { x: "y" } });
  expect(upload.status()).toBe(403);

  await page.reload();
  await expect(page.getByText(token)).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  expect((await request.get("/api/v1/alerts", { headers: auth })).status()).toBe(401);
});

test("a cross-site upload with the session cookie is refused", async ({ page }) => {
  await signIn(page, "analyst");
  const answer = await page.request.post("/api/ingest", {
    headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    multipart: {
      files: { name: "a.json", mimeType: "application/json", buffer: Buffer.from("{}") },
    },
  });
  expect(answer.status()).toBe(403);
});

test("pages carry a nonce-based Content-Security-Policy and refuse framing", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  const response = await page.goto("/login");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Next's own scripts run under that policy: nothing is reported blocked on the way in.
  await signIn(page, "viewer");
  await page.goto("/alerts?range=all");
  await expect(page.getByRole("form", { name: "Alert filters" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("a server action replayed with another site's Origin is refused by Next", async ({
  page,
  baseURL,
}) => {
  await signIn(page, "admin");
  await page.goto("/settings/tokens");
  const name = `replayed ${randomUUID()}`;
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(name);
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/tokens"));
  await form.getByRole("button", { name: "Create token" }).click();
  const original = await sent;
  const headers = await original.allHeaders();
  const replay = (origin: string) =>
    page.request.post(original.url(), {
      headers: { ...headers, origin },
      data: original.postDataBuffer() ?? Buffer.alloc(0),
    });
  const rows = page.getByRole("row", { name: new RegExp(name) });

  // Our own origin: the replay goes through (a second token of that name).
  expect((await replay(baseURL ?? "")).status()).toBe(200);
  await page.goto("/settings/tokens");
  await expect(rows).toHaveCount(2);
  // Another site's origin: Next aborts before the action runs.
  expect((await replay("http://evil.example")).status()).toBe(500);
  await page.goto("/settings/tokens");
  await expect(rows).toHaveCount(2);
});
