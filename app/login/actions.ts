"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { MAX_PASSWORD_LENGTH, NextPath, SignInInput } from "@/lib/auth/schemas";
import { readSessionToken, setSessionCookie } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/session-store";
import { signIn } from "@/lib/auth/sign-in";
import { dropControls } from "@/lib/text/visible-controls";
import type { SignInState } from "./sign-in-state";

const MESSAGES = {
  invalid: "That email address and password do not match an account.",
  throttled: "Too many failed sign-ins for this account or address. Wait 15 minutes and try again.",
  malformed: "That is not an email address: check what you typed in the Email field.",
  too_long: `Passwords have at most ${MAX_PASSWORD_LENGTH} characters: that one cannot be right.`,
} as const;

/** What was typed, to show back in the form: bounded, control characters dropped. */
function shownBack(email: FormDataEntryValue | null): string {
  return typeof email === "string" ? dropControls(email).slice(0, 254) : "";
}

/** Public by nature: it is how a session starts. Throttled per account and per address. */
export async function signInAction(
  previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const email = formData.get("email");
  const attempt = previous.attempt + 1;
  const shownEmail = shownBack(email);
  const parsed = SignInInput.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) {
    return { email: shownEmail, message: "Enter your email address and password.", attempt };
  }

  const result = await signIn(parsed.data, clientIp(await headers()));
  if (!result.ok) return { email: shownEmail, message: MESSAGES[result.reason], attempt };
  // A sign-in always starts a new session; one this browser held before ends here.
  const previousToken = await readSessionToken();
  if (previousToken) await deleteSession(previousToken);
  await setSessionCookie(result.token, result.expiresAt);
  redirect(NextPath.parse(formData.get("next") ?? undefined));
}
