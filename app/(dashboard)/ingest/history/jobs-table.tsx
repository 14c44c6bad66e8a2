import Link from "next/link";
import type { JobSummary } from "@/lib/ingest/job-queries";
import { formatBytes, formatDuration, formatTime } from "../format";
import { CountCells, CountHeaders } from "../ingest-counts";

/** One row per ingest job: when, who, how it ended, and its files' totals. */
export function JobsTable({ jobs }: { jobs: JobSummary[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">From</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Files
            </th>
            <CountHeaders />
            <th scope="col" className="num">
              Bytes
            </th>
            <th scope="col" className="num">
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <th scope="row" className="nowrap">
                <Link href={`/ingest/history/${job.id}`}>{formatTime(job.createdAt)}</Link>
              </th>
              <td>{job.origin}</td>
              <td>{job.createdBy ?? ""}</td>
              <td className={`status-${job.status}`}>{job.status}</td>
              <td className="num">
                {job.files}
                {job.failedFiles > 0 ? ` (${job.failedFiles} not stored)` : ""}
              </td>
              <CountCells counts={job} />
              <td className="num">{formatBytes(job.bytesRead)}</td>
              <td className="num">{formatDuration(job.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
