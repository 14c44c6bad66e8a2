import { expect, type Page, test } from "@playwright/test";
import { zipArchive } from "../lib/ingest/archive/test-archives";
import { signIn } from "./support/sign-in";

// Each run writes its own event ids, so nothing is a duplicate of an earlier run's upload.
const RUN = Date.now().toString(36);

function jsonLines(prefix: string, count: number): string {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      eventVersion: "1.08",
      eventTime: "2024-03-01T10:00:00Z",
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      awsRegion: "eu-west-1",
      eventID: `${RUN}-${prefix}-${i}`,
      userIdentity: { type: "IAMUser", userName: "e2e" },
      requestParameters: { bucketName: "example-bucket", key: `k/${i}` },
    }),
  );
  return `${lines.join("\n")}\n`;
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.goto("/ingest");
  await page.getByLabel("Log files", { exact: true }).setInputFiles({
    name,
    mimeType: "application/octet-stream",
    buffer,
  });
  await page.getByRole("button", { name: "Upload" }).click();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "analyst");
});

test("a zip's members are stored one by one and listed in the ingest history", async ({ page }) => {
  const zip = zipArchive([
    { name: "logs/one.jsonl", content: jsonLines("one", 3) },
    { name: "logs/two.jsonl", content: jsonLines("two", 2) },
  ]);
  await upload(page, `hand-over-${RUN}.zip`, Buffer.from(zip));

  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("row", { name: /one\.jsonl/ })).toContainText("succeeded");
  await expect(results.getByRole("row", { name: /two\.jsonl/ })).toContainText("succeeded");

  await page.getByRole("link", { name: "This upload in the ingest history" }).click();
  await expect(page.getByRole("heading", { name: /Ingest job of/ })).toBeVisible();
  await expect(page.getByText("5 read, 5 stored")).toBeVisible();
  await expect(
    page.getByRole("row", { name: new RegExp(`hand-over-${RUN}.zip/logs/one`) }),
  ).toBeVisible();

  await page.getByRole("link", { name: "← Ingest history" }).click();
  await expect(page.getByRole("heading", { name: "Ingest history" })).toBeVisible();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("succeeded");
});

test("a CSV export whose dates cannot tell fails until the date order is chosen", async ({
  page,
}) => {
  const csv = [
    "TimeGenerated [UTC],OperationNameValue,Caller,EventDataId",
    `"01/02/2025, 09:45:54.000",MICROSOFT.A/B/WRITE,x@example.com,${RUN}-csv-1`,
    `"03/04/2025, 09:45:54.000",MICROSOFT.A/B/WRITE,y@example.com,${RUN}-csv-2`,
  ].join("\r\n");
  await upload(page, "activity.csv", Buffer.from(csv));
  const row = page.getByRole("region", { name: "Results" }).getByRole("row", { name: /activity/ });
  await expect(row).toContainText("failed");
  await expect(row).toContainText("could be day first or month first");

  await page.goto("/ingest");
  await page.getByLabel("Dates in CSV files").selectOption({ label: "Day first (21/04/2025)" });
  await page.getByLabel("Log files", { exact: true }).setInputFiles({
    name: "activity.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(
    page.getByRole("region", { name: "Results" }).getByRole("row", { name: /activity/ }),
  ).toContainText("succeeded");
});

test("a long upload's job page shows its progress and survives a reload", async ({ page }) => {
  test.setTimeout(180_000);
  await upload(page, `long-${RUN}.jsonl`, Buffer.from(jsonLines("long", 60_000)));

  // The upload page follows the job while the server reads, and links to the job's own page.
  const progress = page.getByRole("region", { name: "Progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText("Uploaded; reading the files on the server")).toBeVisible();
  await expect(progress.getByRole("row", { name: new RegExp(`long-${RUN}`) })).toBeVisible();
  await progress.getByRole("link", { name: "Follow this job on its own page" }).click();
  await expect(page.getByRole("heading", { name: /Ingest job of/ })).toBeVisible();
  await expect(page.getByText("Running: this page updates itself.")).toBeVisible();
  await page.reload();

  const file = page.getByRole("row", { name: new RegExp(`long-${RUN}`) });
  await expect(file).toBeVisible();
  // The page polls while the job runs: no reload is needed to see it end.
  await expect(page.getByText("60000 read, 60000 stored")).toBeVisible({ timeout: 150_000 });
  await expect(file).toContainText("succeeded");
});
