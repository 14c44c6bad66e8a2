import { setImmediate as turnOfTheEventLoop } from "node:timers/promises";
import type pg from "pg";
import { writeAlerts } from "../alerts/alert-writer";
import { detectAlerts } from "../alerts/candidates";
import { applyToAlerts } from "../allowlist/suppression";
import { type EventToStore, writeEvents } from "../events/event-writer";
import { prepareEventPartitions } from "../events/partitions";
import type { RecordPosition } from "./build-record";
import type { FileOutcome } from "./job-store";
import type { LogFile } from "./log-file";

// Rows per COPY: large enough to amortise the statements around it, small enough that a batch
// of big records (a 300 KB request body is real) stays a few MB in memory.
const BATCH_EVENTS = 2000;
const BATCH_CHARS = 4 * 1024 * 1024;
// Records parsed between two turns of the event loop: the database's answers to the batch in
// flight are read on a turn, so the writer sends its next statement within about 3 ms.
const RECORDS_PER_TURN = 64;
// A file with thousands of bad records reports the first ones and the count, not all of them.
const MAX_ERRORS_KEPT = 100;

/**
 * Stores a file's records in batches on the file's transaction, counting stored, duplicate,
 * id-conflict and rejected records into `outcome`, and raises the new events' alerts.
 * While the database writes one batch, the next one is read and parsed: the two run on
 * different cores, and at most two batches are held at once.
 */
export async function storeRecords(
  client: pg.PoolClient,
  records: LogFile["records"],
  fileId: string,
  outcome: FileOutcome,
): Promise<void> {
  const writer = new BatchWriter(client, fileId, outcome);
  let batch: EventToStore[] = [];
  let batchChars = 0;
  try {
    for await (const record of records) {
      if (record.kind === "rejected") {
        countRejected(outcome, record);
        continue;
      }
      outcome.records += 1;
      if (outcome.records % RECORDS_PER_TURN === 0) await turnOfTheEventLoop();
      const { event, raw, contentHash, copyFields } = record;
      batch.push({ event, raw, contentHash, copyFields });
      batchChars += record.raw.length;
      if (batch.length >= BATCH_EVENTS || batchChars >= BATCH_CHARS) {
        await writer.start(batch);
        batch = [];
        batchChars = 0;
      }
    }
    if (batch.length > 0) await writer.start(batch);
  } finally {
    // A reading error still waits for the batch in flight: the transaction is rolled back
    // only once its session is idle, and the batch's own error is the one worth reporting.
    await writer.finish();
  }
}

/** Writes batches one after another on one session, each started without waiting for it. */
class BatchWriter {
  private inFlight: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;
  private written = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly fileId: string,
    private readonly outcome: FileOutcome,
  ) {}

  /** Waits for the batch before (throwing its error), then starts writing this one. */
  async start(batch: EventToStore[]): Promise<void> {
    await this.settle();
    const write = this.write(batch);
    this.inFlight = write.catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Waits for the last batch; throws its error if it failed. */
  async finish(): Promise<void> {
    await this.settle();
  }

  private async settle(): Promise<void> {
    await this.inFlight;
    this.inFlight = null;
    if (this.failure) throw this.failure.error;
  }

  private async write(batch: EventToStore[]): Promise<void> {
    // Before this transaction first writes, the months of its first batch get their partitions
    // (usually the file's only month), so its rows need not wait in event_default.
    if (!this.written) await prepareEventPartitions(batch.map((b) => b.event.eventTime));
    this.written = true;
    await storeBatch(this.client, batch, this.fileId, this.outcome);
  }
}

function countRejected(outcome: FileOutcome, record: { position: RecordPosition; reason: string }) {
  outcome.rejected += 1;
  if (outcome.errors.length < MAX_ERRORS_KEPT) {
    outcome.errors.push({ position: describePosition(record.position), message: record.reason });
  }
}

async function storeBatch(
  client: pg.PoolClient,
  batch: EventToStore[],
  fileId: string,
  outcome: FileOutcome,
): Promise<void> {
  if (batch.length === 0) return;
  const stored = await writeEvents(client, batch, fileId, outcome);
  outcome.stored += stored.length;
  outcome.duplicates += batch.length - stored.length;
  const candidates = detectAlerts(
    stored.map((s) => ({ id: s.id, event: (batch[s.index] as EventToStore).event })),
  );
  const newAlertIds = await writeAlerts(client, candidates);
  await applyToAlerts(client, newAlertIds);
  outcome.alerts += newAlertIds.length;
}

function describePosition(position: RecordPosition): string {
  if (position.line !== undefined) return `record ${position.index} (line ${position.line})`;
  if (position.byteOffset !== undefined) {
    return `record ${position.index} (byte ${position.byteOffset})`;
  }
  return `record ${position.index}`;
}
