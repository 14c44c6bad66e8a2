import type { Metadata } from "next";
import { listAllowlistEntries } from "@/lib/allowlist/store";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { parseAllowlistParams } from "./allowlist-params";
import { CreateEntryForm } from "./create-entry-form";
import { EntriesTable } from "./entries-table";
import type { EntryFormState } from "./entry-form-state";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Allowlist" };

const DEFAULT_EXPIRY_DAYS = 90;

interface AllowlistPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function AllowlistPage({ searchParams }: AllowlistPageProps) {
  const { user } = await requireUser("viewer");
  const canEdit = hasRole(user.role, "admin");
  const { actor, created } = parseAllowlistParams(await searchParams);
  const entries = await listAllowlistEntries();
  const createdEntry = entries.find((entry) => entry.id === created);

  return (
    <>
      <h1>Allowlist</h1>
      <p className="hint">
        Alerts whose actor matches an entry are kept but shown as suppressed until the entry expires
        or is deleted. Actor patterns are globs: <code>*</code> matches any run of characters,{" "}
        <code>?</code> exactly one.
      </p>
      {createdEntry ? (
        <p className="notice" role="status">
          Added “{createdEntry.name}”; it suppresses {createdEntry.suppressing}{" "}
          {createdEntry.suppressing === 1 ? "alert" : "alerts"} now.
        </p>
      ) : null}
      {canEdit ? (
        <CreateEntryForm key={actor ?? ""} initial={initialForm(actor ?? "")} />
      ) : (
        <p className="hint">Only admins can add or delete entries.</p>
      )}
      <h2>Entries</h2>
      <EntriesTable entries={entries} createdId={created} canEdit={canEdit} />
    </>
  );
}

function initialForm(actor: string): EntryFormState {
  const expiry = new Date(Date.now() + DEFAULT_EXPIRY_DAYS * 86_400_000);
  return {
    values: {
      name: "",
      actorPattern: actor,
      reason: "",
      owner: "",
      expiresAt: expiry.toISOString().slice(0, 10),
    },
    fieldErrors: {},
    message: null,
    attempt: 0,
  };
}
