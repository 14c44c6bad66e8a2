import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

// One CloudTrail record: Alice (an IAMUser) calls CreateKeyPair, which the parity rule watches.
const FIXTURE = "aws-cloudtrail-docs/cloudtrail-log-file-examples.md__block04.json";
const FIXTURE_PATH = path.resolve("fixtures/samples", FIXTURE);
const FILE_NAME = path.basename(FIXTURE_PATH);
const OPERATION = "CreateKeyPair";
const ACTOR_TEXT = "Alice";

interface ExpectedCounts {
  parityAlerts: number;
  hardenedAlerts: number;
}

/** Alerts the fixture raises across every rule, as the samples manifest records them. */
function expectedAlerts(): number {
  const text = readFileSync("fixtures/samples/EXPECTED.json", "utf8");
  const manifest = JSON.parse(text) as { perFile: Record<string, ExpectedCounts> };
  const entry = manifest.perFile[FIXTURE];
  if (!entry) throw new Error(`${FIXTURE} is missing from fixtures/samples/EXPECTED.json`);
  return entry.parityAlerts + entry.hardenedAlerts;
}

/** The cell of `row` under the column headed `header` in `table`. */
async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  const headers = (await table.getByRole("columnheader").allTextContents()).map((t) => t.trim());
  const index = headers.indexOf(header);
  expect(index, `column "${header}" in ${headers.join(", ")}`).toBeGreaterThanOrEqual(0);
  return row.locator(":scope > th, :scope > td").nth(index);
}

/** Narrows the alerts view to this fixture's parity alert with the filter form. */
async function filterAlerts(page: Page, suppression: "Active" | "Suppressed") {
  const form = page.getByRole("form", { name: "Alert filters" });
  await form.getByLabel("Time range", { exact: true }).selectOption({ label: "All time" });
  await form.getByLabel("Operation", { exact: true }).fill(OPERATION);
  await form.getByLabel("Actor", { exact: true }).fill(ACTOR_TEXT);
  await form.getByLabel("Rule", { exact: true }).selectOption("sentinel-parity");
  await form.getByLabel("Suppression", { exact: true }).selectOption({ label: suppression });
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`suppression=${suppression.toLowerCase()}`));
  await expect(page).toHaveURL(new RegExp(`operation=${OPERATION}`));
}

// Uploading needs an analyst and allowlisting an admin: this story is an admin's.
test.beforeEach(async ({ page }) => {
  await signIn(page, "admin");
});

test("an uploaded CreateKeyPair alert can be read, allowlisted and seen as suppressed", async ({
  page,
}) => {
  await page.goto("/ingest");
  await page.getByLabel("Log files", { exact: true }).setInputFiles(FIXTURE_PATH);
  await page.getByRole("button", { name: "Upload" }).click();

  const results = page.getByRole("region", { name: "Results" }).getByRole("table");
  const row = results.getByRole("row").filter({ hasText: FILE_NAME });
  await expect(row).toHaveCount(1);
  await expect(await cellUnder(results, row, "Status")).toHaveText("succeeded");
  await expect(await cellUnder(results, row, "Stored")).toHaveText("1");
  await expect(await cellUnder(results, row, "Alerts")).toHaveText(String(expectedAlerts()));

  await page.getByRole("link", { name: "View alerts" }).click();
  await expect(page).toHaveURL(/\/alerts\?range=all/);
  await filterAlerts(page, "Active");

  await page.getByRole("link", { name: OPERATION }).first().click();
  await expect(page).toHaveURL(/\/alerts\/\d+$/);
  const alertPath = new URL(page.url()).pathname;
  await expect(page.getByText(`has the term \`${OPERATION}\``)).toBeVisible();
  const raw = page.getByRole("figure", { name: "Raw record as stored" });
  await expect(raw).toContainText(`"eventName": "${OPERATION}"`);
  await expect(raw).toContainText(`"userName": "${ACTOR_TEXT}"`);

  await page.getByRole("link", { name: "Allowlist from this alert" }).click();
  await expect(page).toHaveURL(/\/allowlist\/new\?actor=/);
  const pattern = page.getByLabel("Actor pattern", { exact: true });
  await expect(pattern).toHaveValue(new RegExp(ACTOR_TEXT));
  const entryName = `e2e ${ACTOR_TEXT} key pairs ${Date.now()}`;
  await page.getByLabel("Name", { exact: true }).fill(entryName);
  await page
    .getByLabel("Reason", { exact: true })
    .fill("Alice creates key pairs for the build fleet.");
  await page.getByLabel("Owner", { exact: true }).fill("soc-e2e");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText(/This entry would suppress [1-9]\d* existing alert/)).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Added “${entryName}”`)).toBeVisible();
  await expect(page.getByRole("row", { name: entryName })).toBeVisible();

  const thisAlert = page
    .getByRole("link", { name: OPERATION })
    .and(page.locator(`[href="${alertPath}"]`));
  await page.goto("/alerts?range=all");
  await filterAlerts(page, "Suppressed");
  await expect(thisAlert).toBeVisible();
  await expect(page.getByRole("row").filter({ has: thisAlert })).toContainText(entryName);

  await filterAlerts(page, "Active");
  await expect(page.getByRole("heading", { name: "Alerts", exact: true })).toBeVisible();
  await expect(thisAlert).toHaveCount(0);
});
