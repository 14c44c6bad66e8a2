import { logger } from "../log";
import { type Progress, touchJob, writeFileProgress } from "./job-store";

const log = logger("ingest");

// Progress is written at most this often: often enough for a page polling every second or two,
// rare enough to cost nothing next to the ingest itself.
const PROGRESS_EVERY_MS = 1000;
// The lease is renewed this often; `LEASE_MS` in job-liveness must stay several times larger.
export const HEARTBEAT_EVERY_MS = 5000;

/**
 * Keeps a running job visible from outside its file transactions: renews the job's heartbeat
 * and writes the current file's progress on timers, each on its own pooled connection. A failed
 * write is logged and skipped: progress must never fail an ingest.
 */
export class JobMonitor {
  private readonly jobId: string;
  private timer: NodeJS.Timeout | null = null;
  private file: { id: string; read: () => Progress; written: Progress } | null = null;
  private pending: Promise<void> = Promise.resolve();
  private lastBeat = Date.now();

  constructor(jobId: string) {
    this.jobId = jobId;
  }

  start(): void {
    this.lastBeat = 0;
    this.tick();
    this.timer = setInterval(() => this.tick(), PROGRESS_EVERY_MS);
    // A forgotten monitor must not keep a command alive.
    this.timer.unref();
  }

  /** Follows one file's progress until `unwatch`. */
  watch(fileId: string, read: () => Progress): void {
    this.file = { id: fileId, read, written: { records: 0, rejected: 0, bytes: 0 } };
  }

  /** Stops following the file; resolves when no progress write for it is in flight. */
  async unwatch(): Promise<void> {
    this.file = null;
    await this.pending;
  }

  async stop(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.unwatch();
  }

  private tick(): void {
    this.pending = this.pending
      .then(() => this.write())
      .catch((error: unknown) => {
        log.warn({ err: error, job: this.jobId }, "progress write failed");
      });
  }

  private async write(): Promise<void> {
    const file = this.file;
    if (file !== null) {
      const now = file.read();
      const { written } = file;
      const moved = now.records + now.rejected !== written.records + written.rejected;
      if (moved || now.bytes !== written.bytes) {
        file.written = now;
        await writeFileProgress(file.id, now);
      }
    }
    if (Date.now() - this.lastBeat >= HEARTBEAT_EVERY_MS) {
      this.lastBeat = Date.now();
      await touchJob(this.jobId);
    }
  }
}
