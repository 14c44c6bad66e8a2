"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { Email, NewPassword } from "@/lib/auth/schemas";
import { setSessionCookie } from "@/lib/auth/session-cookie";
import { createSession } from "@/lib/auth/session-store";
import { completeSetup } from "@/lib/auth/setup";
import { publicError } from "@/lib/errors";
import type { SetupState } from "./setup-state";

const SetupInput = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This setup link is incomplete."),
    email: Email,
    password: NewPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ." });

/**
 * Public, but only with the one-time token the server printed: creates the first admin and
 * signs them in. The token is checked and spent inside completeSetup's transaction.
 */
export async function setupAction(previous: SetupState, formData: FormData): Promise<SetupState> {
  const raw = Object.fromEntries(
    ["token", "email", "password", "confirm"].map((key) => [key, formData.get(key) ?? ""]),
  );
  const attempt = previous.attempt + 1;
  const email = typeof raw.email === "string" ? raw.email.slice(0, 254) : "";
  const parsed = SetupInput.safeParse(raw);
  if (!parsed.success) {
    return { email, message: parsed.error.issues[0]?.message ?? "Check the form.", attempt };
  }

  const ip = clientIp(await headers());
  let userId: string;
  try {
    userId = (await completeSetup(parsed.data.token, parsed.data, ip)).id;
  } catch (error) {
    return { email, message: publicError(error).message, attempt };
  }
  const session = await createSession(userId);
  await setSessionCookie(session.token, session.expiresAt);
  redirect("/alerts");
}
