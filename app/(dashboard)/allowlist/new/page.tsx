import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { parseAllowlistParams } from "../allowlist-params";
import { EntryForm } from "../entry-form";
import { type EntryFormState, emptyValues } from "../entry-form-state";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New allowlist entry" };

const DEFAULT_EXPIRY_DAYS = 90;

interface NewEntryPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function NewEntryPage({ searchParams }: NewEntryPageProps) {
  await requireUser("admin");
  const { actor, operations, accounts } = parseAllowlistParams(await searchParams);
  const expiry = new Date(Date.now() + DEFAULT_EXPIRY_DAYS * 86_400_000);
  const initial: EntryFormState = {
    values: {
      ...emptyValues(),
      actorPattern: actor ?? "",
      operations: operations ?? "",
      accounts: accounts ?? "",
      expiresAt: expiry.toISOString().slice(0, 10),
    },
    fieldErrors: {},
    message: null,
    preview: null,
    attempt: 0,
  };

  return (
    <>
      <p>
        <Link href="/allowlist">← Allowlist</Link>
      </p>
      <h1>New allowlist entry</h1>
      <EntryForm initial={initial} />
    </>
  );
}
