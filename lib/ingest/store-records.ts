import type pg from "pg";
import { writeAlerts } from "../alerts/alert-writer";
import { detectAlerts } from "../alerts/candidates";
import { applyToAlerts } from "../allowlist/suppression";
import { type EventToStore, writeEvents } from "../events/event-writer";
import { prepareEventPartitions } from "../events/partitions";
import type { FileOutcome } from "./job-store";
import type { LogFile } from "./log-file";

// Rows per COPY: large enough to amortise the statements around it, small enough that a batch
// of big records (a 300 KB request body is real) stays a few MB in memory.
const BATCH_EVENTS = 2000;
const BATCH_CHARS = 4 * 1024 * 1024;
// A file with thousands of bad records reports the first ones and the count, not all of them.
const MAX_ERRORS_KEPT = 100;

/**
 * Stores a file's records in batches on the file's transaction, counting stored, duplicate,
 * id-conflict and rejected records into `outcome`, and raises the new events' alerts.
 */
export async function storeRecords(
  client: pg.PoolClient,
  records: LogFile["records"],
  fileId: string,
  outcome: FileOutcome,
): Promise<void> {
  let batch: EventToStore[] = [];
  let batchChars = 0;
  let written = false;
  const store = async (): Promise<void> => {
    // Before this transaction first writes, the months of its first batch get their partitions
    // (usually the file's only month), so its rows need not wait in event_default.
    if (!written) await prepareEventPartitions(batch.map((b) => b.event.eventTime));
    written = true;
    await storeBatch(client, batch, fileId, outcome);
  };
  for await (const record of records) {
    if (record.kind === "rejected") {
      outcome.rejected += 1;
      if (outcome.errors.length < MAX_ERRORS_KEPT) {
        outcome.errors.push({
          position: describePosition(record.position),
          message: record.reason,
        });
      }
      continue;
    }
    outcome.records += 1;
    const { event, raw, contentHash, copyFields } = record;
    batch.push({ event, raw, contentHash, copyFields });
    batchChars += record.raw.length;
    if (batch.length >= BATCH_EVENTS || batchChars >= BATCH_CHARS) {
      await store();
      batch = [];
      batchChars = 0;
    }
  }
  if (batch.length > 0) await store();
}

async function storeBatch(
  client: pg.PoolClient,
  batch: EventToStore[],
  fileId: string,
  outcome: FileOutcome,
): Promise<void> {
  if (batch.length === 0) return;
  const stored = await writeEvents(client, batch, fileId);
  outcome.stored += stored.length;
  outcome.duplicates += batch.length - stored.length;
  outcome.idConflicts += stored.filter((s) => s.idConflict).length;
  const candidates = detectAlerts(
    stored.map((s) => ({ id: s.id, event: (batch[s.index] as EventToStore).event })),
  );
  const newAlertIds = await writeAlerts(client, candidates);
  await applyToAlerts(client, newAlertIds);
  outcome.alerts += newAlertIds.length;
}

function describePosition(position: { index: number; line?: number; byteOffset?: number }): string {
  if (position.line !== undefined) return `record ${position.index} (line ${position.line})`;
  if (position.byteOffset !== undefined) {
    return `record ${position.index} (byte ${position.byteOffset})`;
  }
  return `record ${position.index}`;
}
