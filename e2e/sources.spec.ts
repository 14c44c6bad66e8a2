import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { type FakeS3, startFakeS3 } from "../lib/pull/testing/fake-s3";
import { deliveryFile, trailEvent, trailKey } from "../lib/pull/testing/trail-records";
import { signIn } from "./support/sign-in";

const BUCKET = "e2e-trail-bucket";
const FOLDER = "AWSLogs/111122223333/CloudTrail/us-east-1/";

let s3: FakeS3;
// One actor per run, so this run's alerts are told apart from any other test's.
const actor = `pull-e2e-${randomBytes(4).toString("hex")}`;

test.beforeAll(async () => {
  // A trail bucket on loopback holding one delivery file: a CreateKeyPair by `actor`.
  s3 = await startFakeS3(BUCKET);
  const now = new Date();
  const day = now.toISOString().slice(0, 10).replaceAll("-", "/");
  const id = String(Date.now());
  s3.put(
    trailKey(FOLDER, day, id),
    deliveryFile([trailEvent(id, "CreateKeyPair", now.toISOString(), actor)]),
  );
});

test.afterAll(async () => {
  await s3.close();
});

test("an admin adds an S3 trail source, runs it and sees its alerts", async ({ page }) => {
  await signIn(page, "admin");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Sources" })
    .click();
  await page.getByRole("link", { name: "Add a source" }).click();

  const name = `e2e trail ${actor}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind", { exact: true }).selectOption({ label: "AWS CloudTrail in S3" });
  await page.getByLabel("Region", { exact: true }).fill("us-east-1");
  await page.getByLabel("Access key id", { exact: true }).fill("AKIAEXAMPLEE2EKEY001");
  await page
    .getByLabel("Secret access key", { exact: true })
    .fill("e2eSecretAccessKeyExample000000000000000");
  await page.getByLabel("Bucket", { exact: true }).fill(BUCKET);
  await page.getByLabel("S3 endpoint (optional)", { exact: true }).fill(s3.url);
  await page.getByLabel("Path-style requests", { exact: true }).check();
  await page.getByRole("button", { name: "Add source" }).click();

  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("will not be shown again");
  // The secret is never sent back: the field is empty and says a value is stored.
  await expect(page.getByLabel("Secret access key", { exact: true })).toHaveValue("");
  await expect(page.getByText("Stored — leave empty to keep.")).toBeVisible();

  await page.getByRole("button", { name: `Run now ${name}` }).click();
  const history = page.getByRole("table", { name: "Run history" });
  const manual = history.getByRole("row").filter({ hasText: "manual" });
  await expect(manual.getByText("succeeded", { exact: true })).toBeVisible({ timeout: 45_000 });
  // A new source is also due at once, so the scheduler may have read the object just before
  // this run: exactly one run stored the event, and it raised both rules' alerts.
  const headers = (await history.getByRole("columnheader").allTextContents()).map((t) => t.trim());
  const column = (header: string) => headers.indexOf(header);
  const rows = await history.getByRole("row").all();
  const counts = await Promise.all(
    rows.slice(1).map(async (row) => {
      const cells = row.getByRole("cell");
      return {
        stored: (await cells.nth(column("Stored")).textContent())?.trim(),
        alerts: (await cells.nth(column("Alerts raised")).textContent())?.trim(),
      };
    }),
  );
  expect(counts.filter((c) => c.stored === "1")).toEqual([{ stored: "1", alerts: "2" }]);
  expect(s3.requests.some((r) => r.operation === "GetObject")).toBe(true);

  await page.getByRole("link", { name: "View alerts" }).click();
  await expect(page).toHaveURL(/\/alerts\?range=all&source=AWSCloudTrail/);
  await page.goto(`/alerts?range=all&source=AWSCloudTrail&actor=${actor}`);
  await expect(page.getByRole("link", { name: "CreateKeyPair" }).first()).toBeVisible();

  await page.goto("/sources");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("succeeded");
  await expect(row).toContainText("AWS CloudTrail in S3");
});
