import { expect, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/roles";
import { E2E_ACCOUNTS, e2ePassword } from "./accounts";

/** Signs in through the login form with an account globalSetup created, or with given ones. */
export async function signIn(
  page: Page,
  who: Role | { email: string; password: string },
): Promise<void> {
  const { email, password } =
    typeof who === "string" ? { email: E2E_ACCOUNTS[who], password: e2ePassword() } : who;
  await page.goto("/login");
  await fillSignIn(page, email, password);
  // Hashing a password is deliberately slow; a loaded machine needs more than the default.
  await expect(page).toHaveURL(/\/alerts/, { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole("form", { name: "Sign in" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  // Waits for the server's answer: the same message after two attempts must not pass for one.
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/login"),
  );
  await form.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
