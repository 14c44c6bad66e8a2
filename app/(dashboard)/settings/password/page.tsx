import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { PasswordForm } from "./password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function PasswordPage() {
  const { user } = await requireUser("viewer");

  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{user.email}</strong>, role {ROLE_LABELS[user.role]}.
      </p>
      <h2>Change password</h2>
      <p className="hint">
        Changing it signs out your other sessions. Your{" "}
        <Link href="/settings/tokens">API tokens</Link> are credentials of their own and keep
        working: revoke any that may have leaked too.
      </p>
      <PasswordForm />
    </>
  );
}
