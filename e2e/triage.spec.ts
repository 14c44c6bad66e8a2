import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { uploadSample } from "./support/upload";

/** A CloudTrail file of `count` CreateUser calls by an IAM user: the parity rule fires on each. */
function cloudTrailFile(userName: string, count: number): string {
  const records = Array.from({ length: count }, (_, i) => ({
    eventVersion: "1.08",
    userIdentity: {
      type: "IAMUser",
      principalId: "AIDAE2E",
      arn: `arn:aws:iam::123456789012:user/e2e-${i}`,
      accountId: "123456789012",
      userName,
    },
    eventTime: new Date(Date.now() - (i + 1) * 60_000).toISOString().replace(/\.\d+Z$/, "Z"),
    eventSource: "iam.amazonaws.com",
    eventName: "CreateUser",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-cli/2.15.0",
    requestParameters: { userName: `new-user-${i}` },
    eventID: randomUUID(),
    eventType: "AwsApiCall",
    recipientAccountId: "123456789012",
  }));
  const file = test.info().outputPath(`trail-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify({ Records: records }));
  return file;
}

/** The parity alerts of one actor, every status and suppression, all time. */
function alertsOf(actor: string, extra: Record<string, string> = {}): string {
  const query = { range: "all", actorIs: actor, rule: "sentinel-parity", ...extra };
  return `/alerts?${new URLSearchParams({ suppression: "all", ...query })}`;
}

async function uploadActor(page: Page, actor: string, count: number): Promise<void> {
  await uploadSample(page, cloudTrailFile(actor, count));
}

const alertsTable = (page: Page) => page.getByRole("region", { name: "Alerts" });

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin");
});

test("an alert is closed with a classification and the change is in its history", async ({
  page,
}) => {
  const actor = `e2e-close-${randomUUID()}`;
  await uploadActor(page, actor, 1);

  await page.goto(alertsOf(actor));
  await alertsTable(page).getByRole("link", { name: "CreateUser" }).first().click();
  await expect(page).toHaveURL(/\/alerts\/\d+$/);

  const triage = page.getByRole("form", { name: "Triage" });
  await triage.getByLabel("Status", { exact: true }).selectOption("closed");
  await expect(triage.getByText("Classifies this alert of the rule sentinel-parity")).toBeVisible();
  await triage.getByLabel("Classification", { exact: true }).selectOption("false_positive");
  await triage.getByLabel("Note", { exact: true }).fill("Test account, expected.");
  await triage.getByRole("button", { name: "Save triage" }).click();
  await expect(triage.getByRole("status")).toHaveText("Saved.");

  const history = page.getByRole("table", { name: "Changes" });
  await expect(history.getByRole("row").filter({ hasText: "status" })).toContainText("closed");
  await expect(history.getByRole("row").filter({ hasText: "classification" })).toContainText(
    "false_positive",
  );
  await expect(history).toContainText("admin@e2e.test");

  await page.getByLabel("Comment", { exact: true }).fill("Checked with the owner.");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByRole("list", { name: "Comments" })).toContainText("Checked with");
});

test("without scripts an alert is closed from its own page with a classification", async ({
  page,
  browser,
  baseURL,
}) => {
  const actor = `e2e-close-no-js-${randomUUID()}`;
  await uploadActor(page, actor, 1);
  await page.goto(alertsOf(actor));
  await alertsTable(page).getByRole("link", { name: "CreateUser" }).first().click();
  await expect(page).toHaveURL(/\/alerts\/\d+$/);
  const alertPath = new URL(page.url()).pathname;

  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await signIn(plain, "admin");
  await plain.goto(alertPath);
  const triage = plain.getByRole("form", { name: "Triage" });
  await triage.getByLabel("Status", { exact: true }).selectOption("closed");
  await triage.getByLabel("Classification", { exact: true }).selectOption("true_positive");
  await triage.getByRole("button", { name: "Save triage" }).click();
  await expect(plain.getByRole("form", { name: "Triage" }).getByRole("status")).toHaveText(
    "Saved.",
  );
  await noScript.close();

  await page.reload();
  const history = page.getByRole("table", { name: "Changes" });
  await expect(history.getByRole("row").filter({ hasText: "classification" })).toContainText(
    "true_positive",
  );
});

test("every alert matching a filter is acknowledged after a confirm step", async ({ page }) => {
  const actor = `e2e-bulk-${randomUUID()}`;
  await uploadActor(page, actor, 3);

  await page.goto(alertsOf(actor));
  const matching = page.getByRole("form", { name: "All matching alerts" });
  await expect(matching).toContainText("(3 alerts)");
  await matching.getByRole("button", { name: "Acknowledge" }).click();
  await expect(matching.getByRole("status")).toHaveText("This acknowledges 3 alerts.");
  await matching.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("Acknowledged 3 alerts.")).toBeVisible();

  await page.goto(alertsOf(actor, { status: "acknowledged" }));
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("3 alerts");
});

test("an entry made from an alert is previewed, suppresses it, and releases it when disabled", async ({
  page,
}) => {
  const actor = `e2e-allow-${randomUUID()}`;
  await uploadActor(page, actor, 2);

  await page.goto(alertsOf(actor));
  await alertsTable(page).getByRole("link", { name: "CreateUser" }).first().click();
  await page.getByRole("link", { name: "Allowlist from this alert" }).click();
  await expect(page).toHaveURL(/\/allowlist\/new\?/);
  await expect(page.getByLabel("Actor pattern", { exact: true })).toHaveValue(actor);
  await expect(page.getByLabel("Operations", { exact: true })).toHaveValue("CreateUser");
  await expect(page.getByText("set by the caller", { exact: false }).first()).toBeVisible();

  const name = `e2e entry ${randomUUID()}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Reason", { exact: true }).fill("Provisioning robot in the e2e run.");
  await page.getByLabel("Owner", { exact: true }).fill("soc-e2e");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  // Both rules may raise an alert per call: the preview counts every rule's alerts.
  const would = preview.getByRole("status");
  await expect(would).toHaveText(/^This entry would suppress \d+ existing alerts\.$/);
  const previewed = Number((await would.textContent())?.match(/\d+/)?.[0]);
  expect(previewed).toBeGreaterThanOrEqual(2);
  await expect(preview.getByRole("row").filter({ hasText: actor })).toHaveCount(1);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByText(`Added “${name}”; it suppresses ${previewed} alerts now.`),
  ).toBeVisible();

  await page.goto(alertsOf(actor, { suppression: "suppressed" }));
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("2 alerts");

  await page.goto("/allowlist");
  await page.getByRole("button", { name: `Disable ${name}` }).click();
  const row = page.getByRole("row", { name: name });
  await expect(row).toContainText("Disabled");
  await page.goto(alertsOf(actor, { suppression: "active" }));
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("2 alerts");

  await page.goto("/allowlist/history");
  await expect(page.getByRole("table", { name: "Allowlist changes" })).toContainText("disabled");
});

test("the CSV export of a filter neutralises a formula-like actor", async ({ page }) => {
  const actor = `=HYPERLINK("x")-${randomUUID()}`;
  await uploadActor(page, actor, 1);

  await page.goto(alertsOf(actor));
  const link = page.getByRole("link", { name: "CSV", exact: true });
  const response = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
  const body = await response.text();
  expect(body).toContain(`"'=HYPERLINK(""x"")-`);
  expect(body).not.toMatch(/(^|,)"?=HYPERLINK/m);
});
