import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_ACCOUNTS, e2ePassword } from "./support/accounts";

// The source form and its buttons posted as plain HTML forms: the server answers each post
// with a page of its own, as it must for a browser without JavaScript.
test.use({ javaScriptEnabled: false });

const SUBMIT_TIMEOUT = 20_000;

test.beforeEach(async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(E2E_ACCOUNTS.admin);
  await page.getByLabel("Password", { exact: true }).fill(e2ePassword());
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/alerts/, { timeout: 30_000 });
});

test("without scripts: errors come back, a new endpoint needs the secret, edits audited", async ({
  page,
}) => {
  const name = `no-script trail ${randomBytes(4).toString("hex")}`;
  await page.goto("/sources/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Region", { exact: true }).fill("nowhere");
  await page.getByRole("button", { name: "Add source" }).click({ timeout: SUBMIT_TIMEOUT });

  await expect(page.getByText("Give an AWS region such as us-east-1.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);

  await page.getByLabel("Region", { exact: true }).fill("us-east-1");
  await page.getByLabel("Access key id", { exact: true }).fill("AKIAEXAMPLENOJSKEY01");
  await page
    .getByLabel("Secret access key", { exact: true })
    .fill("noScriptSecretAccessKeyExample0000000000");
  await page.getByLabel("Bucket", { exact: true }).fill("no-script-bucket");
  await page.getByLabel("S3 endpoint (optional)", { exact: true }).fill("http://127.0.0.1:9");
  await page.getByRole("button", { name: "Add source" }).click({ timeout: SUBMIT_TIMEOUT });
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

  // A stored secret is not sent to a new endpoint unless it is typed again.
  await page.getByLabel("S3 endpoint (optional)", { exact: true }).fill("http://127.0.0.1:8");
  await page.getByRole("button", { name: "Save source" }).click({ timeout: SUBMIT_TIMEOUT });
  await expect(page.getByRole("alert")).toContainText(
    "Enter the secret access key again: the S3 endpoint changed",
  );
  const secret = page.getByLabel("Secret access key", { exact: true });
  await expect(secret).toHaveAttribute("aria-invalid", "true");
  await expect(secret).toHaveAccessibleDescription(/Enter the secret access key again/);
  await page.getByLabel("S3 endpoint (optional)", { exact: true }).fill("http://127.0.0.1:9");

  await page.getByLabel("Every (minutes)", { exact: true }).fill("0");
  await page.getByRole("button", { name: "Save source" }).click({ timeout: SUBMIT_TIMEOUT });
  await expect(page.getByText("At least every minute.")).toBeVisible();

  await page.getByLabel("Every (minutes)", { exact: true }).fill("30");
  await page.getByRole("button", { name: "Save source" }).click({ timeout: SUBMIT_TIMEOUT });
  await expect(page.getByRole("alert")).toHaveCount(0);
  const sourceUrl = page.url();
  await page.goto("/admin/audit");
  const edit = page.getByRole("row").filter({ hasText: "source.updated" }).first();
  await expect(edit).toContainText('"changed":"intervalMinutes"');
  await page.goto(sourceUrl);

  await page.getByRole("button", { name: `Pause ${name}` }).click({ timeout: SUBMIT_TIMEOUT });
  await expect(page.getByRole("button", { name: `Resume ${name}` })).toBeVisible();
});

test("without scripts: a kind not ours and a NUL in the name get the form's plain errors", async ({
  page,
}) => {
  await page.goto("/sources/new");
  // A hand-made post: an option the form never offers.
  await page
    .locator("select[name=kind]")
    .evaluate((select: HTMLSelectElement) => select.add(new Option("ftp", "ftp", true, true)));
  await page.getByLabel("Name", { exact: true }).fill("odd kind");
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Add source" }).click({ timeout: SUBMIT_TIMEOUT });
  expect((await answer).status()).toBe(200);
  await expect(page.getByText("Choose what to pull from.")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("nul\u0000name");
  await page.getByRole("button", { name: "Add source" }).click({ timeout: SUBMIT_TIMEOUT });
  await expect(page.getByText("The name cannot hold control characters")).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
});
