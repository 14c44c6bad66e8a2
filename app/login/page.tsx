import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/current-user";
import { NextPath } from "@/lib/auth/schemas";
import { countUsers } from "@/lib/auth/user-store";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

interface LoginPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const raw = (await searchParams).next;
  const next = NextPath.parse(Array.isArray(raw) ? raw[0] : raw);
  if (await currentSession()) redirect(next);
  const firstRun = (await countUsers()) === 0;

  return (
    <>
      <h1>Sign in</h1>
      {firstRun ? (
        <p className="notice" role="status">
          No account exists yet. Open the one-time setup link that the server printed when it
          started, or run{" "}
          <code>npx tripline users create --email you@example.com --role admin</code>.
        </p>
      ) : null}
      <SignInForm next={next} />
    </>
  );
}
