import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { uploadSample } from "./support/upload";

const ALERTS = 64;
const PAGE_SIZE = 10;
const PAGES = Math.ceil(ALERTS / PAGE_SIZE);

/** `count` CreateUser calls by one IAM user, a minute apart: one parity alert each. */
function cloudTrailFile(userName: string, count: number): string {
  const records = Array.from({ length: count }, (_, i) => ({
    eventVersion: "1.08",
    userIdentity: {
      type: "IAMUser",
      principalId: "AIDAE2EPAGING",
      arn: `arn:aws:iam::123456789012:user/${userName}`,
      accountId: "123456789012",
      userName,
    },
    eventTime: new Date(Date.now() - (i + 1) * 60_000).toISOString().replace(/\.\d+Z$/, "Z"),
    eventSource: "iam.amazonaws.com",
    eventName: "CreateUser",
    awsRegion: "us-east-1",
    sourceIPAddress: "198.51.100.9",
    userAgent: "aws-cli/2.15.0",
    requestParameters: { userName: `paged-${i}` },
    eventID: randomUUID(),
    eventType: "AwsApiCall",
    recipientAccountId: "123456789012",
  }));
  const file = test.info().outputPath(`paging-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify({ Records: records }));
  return file;
}

const pager = (page: Page) => page.getByRole("navigation", { name: "Pages" });

/** The ids of the alerts the table shows, from their links. */
async function shownIds(page: Page): Promise<string[]> {
  const links = page.getByRole("region", { name: "Alerts" }).getByRole("link", {
    name: "CreateUser",
  });
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => href.replace(/^\/alerts\//, ""));
}

function expectFiltersKept(page: Page, actor: string): void {
  const params = new URL(page.url()).searchParams;
  expect(params.get("actorIs")).toBe(actor);
  expect(params.get("rule")).toBe("sentinel-parity");
  expect(params.get("range")).toBe("all");
  expect(params.get("pageSize")).toBe(String(PAGE_SIZE));
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "analyst");
});

test("paging forward and back keeps the filters and shows each alert once", async ({ page }) => {
  const actor = `e2e-paging-${randomUUID()}`;
  await uploadSample(page, cloudTrailFile(actor, ALERTS));
  const query = { range: "all", actorIs: actor, rule: "sentinel-parity", pageSize: "10" };
  await page.goto(`/alerts?${new URLSearchParams(query)}`);

  const forward: string[][] = [];
  for (let n = 1; n <= PAGES; n++) {
    await expect(pager(page)).toContainText(`Page ${n} of ${PAGES}`);
    await expect(pager(page)).toContainText(`${ALERTS} alerts`);
    expectFiltersKept(page, actor);
    forward.push(await shownIds(page));
    if (n < PAGES) {
      await pager(page).getByRole("link", { name: "Next page" }).click();
      await expect(page).toHaveURL(/[?&]after=/);
    }
  }
  await expect(pager(page).getByRole("link", { name: "Next page" })).toHaveCount(0);
  const seen = forward.flat();
  expect(seen).toHaveLength(ALERTS);
  expect(new Set(seen).size).toBe(ALERTS);

  for (let n = PAGES - 1; n >= 1; n--) {
    await pager(page).getByRole("link", { name: "Previous page" }).click();
    await expect(pager(page)).toContainText(`Page ${n} of ${PAGES}`);
    expectFiltersKept(page, actor);
    expect(await shownIds(page)).toEqual(forward[n - 1]);
  }
  await expect(pager(page).getByRole("link", { name: "Previous page" })).toHaveCount(0);
});

test("a damaged page link says so and leads back to the first page", async ({ page }) => {
  await page.goto("/alerts?range=all&after=not-a-cursor");
  const panel = page.getByRole("alert").filter({ hasText: "cannot be opened" });
  await expect(panel).toContainText("first page");
  await panel.getByRole("link", { name: "First page of these alerts" }).click();
  await expect(page).toHaveURL(/\/alerts\?range=all$/);
});

test("a date the database cannot hold is named instead of failing the page", async ({ page }) => {
  const response = await page.goto("/alerts?range=all&from=-271821-04-20T00:00:00Z");
  expect(response?.status()).toBe(200);
  const panel = page.getByRole("alert").filter({ hasText: "cannot be opened" });
  await expect(panel).toContainText("from: Give a date between the years 1970 and 9999.");
  await panel.getByRole("link", { name: "First page of these alerts" }).click();
  await expect(page).toHaveURL(/\/alerts\?range=all$/);
});
