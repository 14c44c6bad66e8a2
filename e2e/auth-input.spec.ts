import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS } from "./support/accounts";
import { signIn } from "./support/sign-in";

test("a 20 MB sign-in post is answered 413, not 500", async ({ request }) => {
  const answer = await request.post("/login", {
    multipart: { email: E2E_ACCOUNTS.viewer, password: "a".repeat(20 * 1024 * 1024) },
    maxRedirects: 0,
  });
  expect(answer.status()).toBe(413);
});

test("next= leads to a path of this site, percent-encoded, or to /alerts", async ({ page }) => {
  await signIn(page, "viewer");
  const redirectOf = async (next: string) => {
    const url = `/login?next=${encodeURIComponent(next)}`;
    const answer = await page.request.get(url, { maxRedirects: 0 });
    expect(answer.status(), next).toBe(307);
    return answer.headers().location;
  };
  expect(await redirectOf("/alerts?actor=Zoë")).toBe("/alerts?actor=Zo%C3%AB");
  expect(await redirectOf("/alerts\u0000")).toBe("/alerts");
  expect(await redirectOf("//evil.example/")).toBe("/alerts");
  expect(await redirectOf("/\\evil.example")).toBe("/alerts");
});

test("over https the plain session cookie is not accepted", async ({ page }) => {
  await signIn(page, "viewer");
  const cookies = await page.context().cookies();
  const value = cookies.find((cookie) => cookie.name === "tripline_session")?.value ?? "";
  expect(value).not.toBe("");
  const read = (cookie: string, https: boolean) =>
    page.request.get("/api/v1/alerts", {
      headers: { cookie, ...(https ? { "x-forwarded-proto": "https" } : {}) },
    });
  expect((await read(`tripline_session=${value}`, false)).status()).toBe(200);
  expect((await read(`tripline_session=${value}`, true)).status()).toBe(401);
  expect((await read(`__Host-tripline_session=${value}`, true)).status()).toBe(200);
});

test("without JavaScript a new token is shown once and never posted back", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "analyst");
  await page.goto("/settings/tokens");
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(`no-js ${randomUUID()}`);
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())?.trim() ?? "";
  expect(token).toMatch(/^trpl_/);

  // Whatever form the page holds now, none of them carries the token.
  for (const html of await page
    .locator("form")
    .evaluateAll((forms) => forms.map((f) => f.outerHTML))) {
    expect(html).not.toContain(token);
  }
  await page.getByRole("link", { name: "Create another token" }).click();
  await expect(page.getByRole("form", { name: "New API token" })).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);
  await context.close();
});

test("viewers read the ingest history without an upload link", async ({ browser }) => {
  for (const [role, links] of [
    ["viewer", 0],
    ["analyst", 1],
  ] as const) {
    const page = await browser.newPage();
    await signIn(page, role);
    await page.goto("/ingest/history");
    await expect(page.getByRole("heading", { name: "Ingest history" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Upload logs" })).toHaveCount(
      links,
    );
    await page.close();
  }
});
