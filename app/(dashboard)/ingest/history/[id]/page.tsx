import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guard";
import { getJob } from "@/lib/ingest/job-queries";
import { JobId } from "@/lib/ingest/schemas";
import { FilesTable } from "../../files-table";
import { formatBytes, formatDuration, formatTime } from "../../format";
import { RefreshWhileRunning } from "./refresh-while-running";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest job" };

interface JobPageProps {
  params: Promise<{ id: string }>;
}

const DATE_ORDERS: Record<string, string> = { dmy: "day first", mdy: "month first" };

export default async function IngestJobPage({ params }: JobPageProps) {
  await requireUser("viewer");
  const id = JobId.safeParse((await params).id);
  const job = id.success ? await getJob(id.data) : null;
  if (!job) notFound();

  return (
    <>
      <p>
        <Link href="/ingest/history">← Ingest history</Link>
      </p>
      <h1>Ingest job of {formatTime(job.createdAt)}</h1>
      <RefreshWhileRunning running={job.status === "running"} />
      <dl className="fields">
        <dt>Status</dt>
        <dd className={`status-${job.status}`}>{job.status}</dd>
        <dt>From</dt>
        <dd>
          {job.origin}
          {job.createdBy ? ` by ${job.createdBy}` : ""}
        </dd>
        <dt>Files</dt>
        <dd>
          {job.files} ({formatBytes(job.bytesRead)} read)
        </dd>
        <dt>Records</dt>
        <dd>
          {job.records} read, {job.stored} stored, {job.duplicates} duplicates, {job.idConflicts} ID
          conflicts, {job.rejected} rejected, {job.alerts} alerts
        </dd>
        <dt>Duration</dt>
        <dd>{job.status === "running" ? "running" : formatDuration(job.durationMs)}</dd>
        {job.dateOrder ? (
          <>
            <dt>Dates in CSV files</dt>
            <dd>{DATE_ORDERS[job.dateOrder] ?? job.dateOrder}</dd>
          </>
        ) : null}
        {job.error ? (
          <>
            <dt>Stopped</dt>
            <dd className="error-message">{job.error}</dd>
          </>
        ) : null}
      </dl>
      <FilesTable files={job.fileList} />
    </>
  );
}
