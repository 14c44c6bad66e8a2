import { maintainAfterJob } from "../events/partitions";
import { HEARTBEAT_EVERY_MS } from "../ingest/job-monitor";
import { createJob, finishJob, touchJob } from "../ingest/job-store";
import { type FileResult, ingestFile } from "../ingest/pipeline";
import { PullError } from "./pull-error";
import { type RunStatus, recordProgress, recordRunJob } from "./run-store";

type JobOutcome = Exclude<RunStatus, "running">;

export interface RunTotals {
  files: number;
  fetched: number;
  stored: number;
  duplicates: number;
  rejected: number;
  alerts: number;
  /** Files whose content could not be read (corrupt, unknown shape). */
  unreadable: number;
}

/**
 * Hands a run's objects and pages to the ingest pipeline as files of one ingest job (origin
 * "pull"), so pulled records are parsed, de-duplicated and detected exactly like uploads. Each
 * file is stored in its own transaction before the next is fetched.
 */
export class RunIngest {
  private jobId: string | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly statuses: string[] = [];
  readonly totals: RunTotals = {
    files: 0,
    fetched: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    alerts: 0,
    unreadable: 0,
  };

  constructor(private readonly runId: bigint) {}

  get ingestJobId(): string | null {
    return this.jobId;
  }

  /**
   * Makes the run's ingest job before anything is fetched, so every run has one, also a run that
   * finds nothing or fails at its first request.
   */
  async open(): Promise<void> {
    if (this.jobId !== null) return;
    this.jobId = await this.openJob();
    await recordRunJob(this.runId, this.jobId);
  }

  async ingestStream(name: string, stream: AsyncIterable<Uint8Array>): Promise<FileResult> {
    if (this.jobId === null) await this.open();
    if (this.jobId === null) throw new Error("the run's ingest job was not made");
    const result = await ingestFile(this.jobId, { name, stream });
    this.statuses.push(result.status);
    this.add(result);
    await recordProgress(this.runId, this.totals, this.jobId);
    return result;
  }

  /**
   * A page as received: its exact bytes, so raw records are kept verbatim. A page the database
   * failed to store stops the run before its checkpoint moves, so the next run asks for it again.
   */
  async ingestBytes(name: string, bytes: Uint8Array): Promise<FileResult> {
    const result = await this.ingestStream(name, once(bytes));
    if (result.serverFault) {
      throw new PullError(
        "internal",
        `Storing ${name} failed on the server; nothing from it was kept and the next run reads ` +
          "it again. The details are in the server log.",
      );
    }
    return result;
  }

  /** Records rebuilt from an API's values (SDK output, query rows) as one JSON document. */
  ingestJson(name: string, document: unknown): Promise<FileResult> {
    return this.ingestBytes(name, Buffer.from(JSON.stringify(document), "utf8"));
  }

  /** Closes the ingest job with the run's own outcome and, when it stopped, why. */
  async finish(status: JobOutcome, error: string | null): Promise<void> {
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.jobId === null) return;
    await finishJob(this.jobId, this.statuses, { status, error });
    await maintainAfterJob(this.jobId);
  }

  /**
   * Between files a run may wait minutes (Retry-After, slow pages) outside the pipeline, which
   * renews the job's lease only while it reads a file: renewed here too, so no other process
   * takes the job for dead.
   */
  private async openJob(): Promise<string> {
    const jobId = await createJob("pull");
    this.heartbeat = setInterval(() => {
      touchJob(jobId).catch(() => undefined);
    }, HEARTBEAT_EVERY_MS);
    this.heartbeat.unref();
    return jobId;
  }

  private add(result: FileResult): void {
    this.totals.files += 1;
    this.totals.fetched += result.records + result.rejected;
    this.totals.stored += result.stored;
    this.totals.duplicates += result.duplicates;
    this.totals.rejected += result.rejected;
    this.totals.alerts += result.alerts;
    if (result.status === "failed") this.totals.unreadable += 1;
  }
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
