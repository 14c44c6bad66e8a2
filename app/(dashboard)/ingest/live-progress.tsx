"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { FilesTable } from "./files-table";
import { fetchJobProgress, type JobProgress } from "./job-progress";

// The server writes progress every second; polling a little slower costs it nothing.
const POLL_MS = 1200;

/** What the server has read so far of the job being uploaded, polled while it runs. */
export function LiveProgress({ jobId }: { jobId: string }) {
  const [job, setJob] = useState<JobProgress | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const progress = await fetchJobProgress(jobId).catch(() => null);
      if (!stopped && progress !== null) setJob(progress);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId]);

  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress</h2>
      <p>
        {job === null
          ? "Waiting for the server to start reading…"
          : `${job.files} files so far: ${job.records} records read, ${job.stored} stored, ${job.rejected} rejected.`}{" "}
        <Link href={`/ingest/history/${jobId}`}>Follow this job on its own page</Link>: once the
        files are sent, the server goes on reading them even if you leave or reload this page.
      </p>
      {job !== null && job.fileList.length > 0 ? <FilesTable files={job.fileList} /> : null}
    </section>
  );
}
