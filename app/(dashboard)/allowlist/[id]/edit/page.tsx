import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { expiryInputValue } from "@/lib/allowlist/expiry-date";
import { getAllowlistEntry } from "@/lib/allowlist/store";
import { requireUser } from "@/lib/auth/guard";
import { EntryForm } from "../../entry-form";
import type { EntryFormState } from "../../entry-form-state";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit allowlist entry" };

interface EditEntryPageProps {
  params: Promise<{ id: string }>;
}

export default async function EditEntryPage({ params }: EditEntryPageProps) {
  await requireUser("admin");
  const id = z.uuid().safeParse((await params).id);
  const entry = id.success ? await getAllowlistEntry(id.data) : null;
  if (!entry) notFound();
  const initial: EntryFormState = {
    values: {
      name: entry.name,
      actorPattern: entry.actorPattern,
      sources: entry.sources.join(","),
      operations: entry.operations.join("\n"),
      accounts: entry.accounts.join("\n"),
      ipRanges: entry.ipRanges.join("\n"),
      userAgentPattern: entry.userAgentPattern ?? "",
      reason: entry.reason,
      owner: entry.owner,
      expiresAt: expiryInputValue(entry.expiresAt),
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
      <h1 className="isolate">Edit “{entry.name}”</h1>
      <EntryForm initial={initial} entryId={entry.id} />
    </>
  );
}
