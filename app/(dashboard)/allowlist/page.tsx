import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { listAllowlistEntries } from "@/lib/allowlist/store";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { parseAllowlistParams } from "./allowlist-params";
import { EntriesTable } from "./entries-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Allowlist" };

interface AllowlistPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AllowlistPage({ searchParams }: AllowlistPageProps) {
  const { user } = await requireUser("viewer");
  const canEdit = hasRole(user.role, "admin");
  const { actor, created, updated } = parseAllowlistParams(await searchParams);
  // Older links prefilled the form here; it now has its own page.
  if (actor !== undefined && canEdit) redirect(`/allowlist/new?${new URLSearchParams({ actor })}`);
  const entries = await listAllowlistEntries();
  const saved = entries.find((entry) => entry.id === (created ?? updated));

  return (
    <>
      <h1>Allowlist</h1>
      <p className="hint">
        Alerts that match an entry's conditions are kept but shown as suppressed until the entry
        expires, is disabled or is deleted. Patterns are globs: <code>*</code> matches any run of
        characters, <code>?</code> exactly one.
      </p>
      {saved ? (
        <p className="notice" role="status">
          {created ? "Added" : "Saved"} “{saved.name}”; it suppresses {saved.suppressing}{" "}
          {saved.suppressing === 1 ? "alert" : "alerts"} now.
        </p>
      ) : null}
      <p className="actions">
        {canEdit ? (
          <Link className="button" href="/allowlist/new">
            New entry
          </Link>
        ) : (
          <span className="hint">Only admins can add, change or delete entries.</span>
        )}
        <Link href="/allowlist/history">History of changes</Link>
      </p>
      <h2>Entries</h2>
      <EntriesTable entries={entries} markedId={created ?? updated} canEdit={canEdit} />
    </>
  );
}
