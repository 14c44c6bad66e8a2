import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { uploadSample } from "./support/upload";

// user1's CreateAccessKey at 2022-09-27T17:09:18Z (an IAM user, so the parity rule returns it).
const SAMPLE = "panther-analysis/cases-AWSCloudTrail.jsonl";
const RUN_AT = "2022-09-28T12:00:00";
const EVENT_TIME = "2022-09-27T17:09:18.000Z";
const HEADER = "TimeGenerated,OperationName,Identity,CallerIpAddress,ResultType,ResultDescription";

test.beforeEach(async ({ page }) => {
  await signIn(page, "analyst");
});

test("the parity report shows Sentinel's rows at an instant and downloads them", async ({
  page,
}) => {
  await uploadSample(page, SAMPLE);

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Parity" })
    .click();
  await expect(page.getByRole("heading", { name: "Parity report" })).toBeVisible();
  await page.getByLabel("Run instant (UTC)").fill(RUN_AT);
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/\/parity\?at=2022-09-28T12%3A00/);

  const table = page.getByRole("table", { name: "Parity report" });
  const row = table.getByRole("row").filter({ hasText: EVENT_TIME });
  await expect(row.first()).toContainText("CloudTrail");

  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(href).toContain("format=csv");
  const response = await page.request.get(href ?? "");
  expect(response.headers()["content-type"]).toContain("text/csv");
  // The server applied the rule versions at start, so the rows come from the parity alerts.
  expect(response.headers()["x-tripline-parity-source"]).toBe("alerts");
  const lines = (await response.text()).split("\r\n");
  expect(lines[0]).toBe(HEADER);
  expect(lines).toContain(`${EVENT_TIME},CloudTrail,,,,`);
});
