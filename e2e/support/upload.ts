import path from "node:path";
import { expect, type Page } from "@playwright/test";

/**
 * Uploads one sample through the upload page and waits for its row to succeed. A file other
 * specs uploaded before is stored as duplicates: the alerts it raised are there either way.
 */
export async function uploadSample(page: Page, sample: string): Promise<void> {
  const file = path.resolve("fixtures/samples", sample);
  await page.goto("/ingest");
  await page.getByLabel("Log files", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Upload" }).click();

  const results = page.getByRole("region", { name: "Results" }).getByRole("table");
  const row = results.getByRole("row").filter({ hasText: path.basename(file) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("cell").filter({ hasText: /^succeeded$/ })).toHaveCount(1);
}
