"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/audit/store";
import { clientIp } from "@/lib/auth/client-ip";
import { currentSession } from "@/lib/auth/current-user";
import { clearSessionCookie, readSessionToken } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/session-store";

/** Ends the session on the server, so the cookie stops working even where it was copied. */
export async function signOut(): Promise<void> {
  const session = await currentSession();
  const token = await readSessionToken();
  if (token) await deleteSession(token);
  await clearSessionCookie();
  if (session) {
    const { user } = session;
    await recordAudit({
      action: "sign_out",
      actor: { id: user.id, email: user.email, via: "session", ip: clientIp(await headers()) },
      target: user.email,
    });
  }
  redirect("/login");
}
