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
  const emailField = form.getByLabel("Email", { exact: true });
  const passwordField = form.getByLabel("Password", { exact: true });
  const button = form.getByRole("button", { name: "Sign in" });
  // After an answer the form re-renders; values typed while it does can be lost, so fill until
  // the form holds them and can be sent.
  await expect(async () => {
    await emailField.fill(email);
    await passwordField.fill(password);
    await expect(passwordField).toHaveValue(password, { timeout: 1_000 });
    await expect(button).toBeEnabled({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // Waits for the server's answer: the same message after two attempts must not pass for one.
  const answered = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/login"),
  );
  await button.click();
  await answered;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
