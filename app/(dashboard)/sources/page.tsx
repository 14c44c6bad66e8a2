import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { listSources } from "@/lib/pull/source-store";
import { AutoRefresh } from "./auto-refresh";
import { SourcesTable } from "./sources-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  const session = await requireUser("analyst");
  const admin = hasRole(session.user.role, "admin");
  const sources = await listSources();
  const busy = sources.some((s) => s.runRequestedAt !== null || s.lastRun?.status === "running");

  return (
    <>
      <h1>Sources</h1>
      <p className="hint">
        Tripline fetches logs from these clouds on their schedules. Pulled records go through the
        same reading, duplicate handling and detection as uploads.
      </p>
      {admin ? (
        <p>
          <Link href="/sources/new" className="button">
            Add a source
          </Link>
        </p>
      ) : null}
      {sources.length === 0 ? (
        <p className="panel">No sources yet. Logs arrive only by upload.</p>
      ) : (
        <SourcesTable sources={sources} admin={admin} />
      )}
      <AutoRefresh active={busy} />
    </>
  );
}
