import { expect, type Locator, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { uploadSample } from "./support/upload";

// Panther's CloudTrail cases: user1 creates an access key through CloudFormation (invokedBy
// cloudformation.amazonaws.com, user agent cloudformation.amazonaws.com). No other sample has
// this operation by this actor, so the filters below find only this file's alerts.
const SAMPLE = "panther-analysis/cases-AWSCloudTrail.jsonl";
const ALERTS =
  "/alerts?range=all&rule=hardened&operation=CreateAccessKey&actor=user1&suppression=all";

/** The value of a definition list entry, by its term. */
function definitionOf(list: Locator, term: string): Locator {
  return list
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "analyst");
});

test("an alert explains itself: why it fired, its grade, benign causes and the other rule", async ({
  page,
}) => {
  await uploadSample(page, SAMPLE);

  await page.goto(ALERTS);
  await page.getByRole("link", { name: "CreateAccessKey" }).first().click();
  await expect(page).toHaveURL(/\/alerts\/\d+$/);

  const summary = page.getByRole("region", { name: "Alert", exact: true });
  await expect(definitionOf(summary, "Explanation")).toHaveText(
    "EventName `CreateAccessKey` is on the AWS list",
  );
  await expect(definitionOf(summary, "Severity")).toHaveText("high");
  await expect(definitionOf(summary, "Confidence")).toHaveText("medium");
  await expect(
    summary.getByText("CloudFormation made this call for the caller (invokedBy cloudformation)."),
  ).toBeVisible();
  const agentHint = summary.getByRole("listitem").filter({ hasText: "names the IaC tool" });
  await expect(agentHint).toContainText("CloudFormation");
  await expect(agentHint).toContainText("set by the caller");

  const other = page.getByRole("region", { name: "Other rule" });
  await expect(definitionOf(other, "Rule")).toContainText("Sentinel parity");
  await expect(definitionOf(other, "On this event")).toHaveText("Fires");
  await expect(other.getByText("Both rules agree on this event.")).toBeVisible();
  await other.getByRole("link", { name: /^Alert \d+$/ }).click();
  await expect(page).toHaveURL(/\/alerts\/\d+$/);
  await expect(
    definitionOf(page.getByRole("region", { name: "Alert", exact: true }), "Rule"),
  ).toContainText("sentinel-parity");
});
