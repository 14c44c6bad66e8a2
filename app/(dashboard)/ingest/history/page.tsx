import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { JOBS_PER_PAGE, listJobs } from "@/lib/ingest/job-queries";
import { HistoryQuery } from "@/lib/ingest/schemas";
import { JobsTable } from "./jobs-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest history" };

interface HistoryPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function IngestHistoryPage({ searchParams }: HistoryPageProps) {
  // Viewers read the history too (README, Accounts and roles); uploading stays with analysts.
  const { user } = await requireUser("viewer");
  const { page } = HistoryQuery.parse(await searchParams);
  const { jobs, total } = await listJobs(page);
  const pages = Math.max(1, Math.ceil(total / JOBS_PER_PAGE));

  return (
    <>
      <h1>Ingest history</h1>
      <p>
        Every upload, pull and command-line import, newest first.{" "}
        {hasRole(user.role, "analyst") ? <Link href="/ingest">Upload logs</Link> : null}
      </p>
      {jobs.length === 0 ? <p>Nothing has been imported yet.</p> : <JobsTable jobs={jobs} />}
      {pages > 1 ? (
        <nav aria-label="Pages" className="actions">
          {page > 1 ? <Link href={`/ingest/history?page=${page - 1}`}>← Newer</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/ingest/history?page=${page + 1}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
