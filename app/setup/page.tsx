import type { Metadata } from "next";
import Link from "next/link";
import { setupTokenUsable } from "@/lib/auth/setup";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

interface SetupPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SetupPage({ searchParams }: SetupPageProps) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && /^[A-Za-z0-9_-]{43}$/.test(raw) ? raw : null;
  const usable = token !== null && (await setupTokenUsable(token));

  return (
    <>
      <h1>Create the first admin</h1>
      {token && usable ? (
        <SetupForm token={token} />
      ) : (
        <p className="panel">
          This setup link is invalid, has expired or was already used. If no account exists yet,
          restart Tripline for a new link; otherwise <Link href="/login">sign in</Link>.
        </p>
      )}
    </>
  );
}
