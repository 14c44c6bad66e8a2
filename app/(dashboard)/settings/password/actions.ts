"use server";

import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/guard";
import { changePassword } from "@/lib/auth/password-change";
import { ChangePasswordInput } from "@/lib/auth/schemas";
import type { PasswordFormState } from "./form-state";

const REFUSED = {
  wrong: "The current password is wrong.",
  throttled: "Too many wrong passwords. Wait 15 minutes and try again.",
} as const;

/** Any role changes their own password; their other sessions end. */
export async function changePasswordAction(
  previous: PasswordFormState,
  formData: FormData,
): Promise<PasswordFormState> {
  const session = await requireUser("viewer");
  const attempt = previous.attempt + 1;
  const parsed = ChangePasswordInput.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "Check the form.";
    return { message, done: false, attempt };
  }

  const result = await changePassword(session, parsed.data, clientIp(await headers()));
  if (!result.ok) return { message: REFUSED[result.reason], done: false, attempt };
  const ended = result.endedSessions;
  const message = `Password changed. ${ended} other ${ended === 1 ? "session was" : "sessions were"} signed out.`;
  return { message, done: true, attempt };
}
