// The parsing thread: gunzip, record splitting, JSON.parse, normalisation of one file at a time,
// its bytes pulled from the main thread and its records sent back in batches, a few ahead.
import { parentPort } from "node:worker_threads";
import { eventCopyFields } from "../../events/copy-fields";
import type { FileRecord } from "../build-record";
import type { OpenOptions } from "../log-file";
import { openLogFile } from "../open-log-file";
import type { FromWorker, ToWorker } from "./protocol";
import { fromWire, toWire } from "./wire-error";

// Batches a file may have in flight before the reader takes one: bounds memory on both sides,
// yet lets the worker parse a whole write batch (store-records.ts) ahead while one is stored.
const BATCHES_AHEAD = 4;
const BATCH_RECORDS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

const port = parentPort;
if (!port) throw new Error("parse-worker runs only as a worker thread");

const inbox: ToWorker[] = [];
let waiting: (() => void) | null = null;
let credits = BATCHES_AHEAD;
let current = -1;

port.on("message", (message: ToWorker) => {
  if (message.t === "open") {
    current = message.file;
    credits = BATCHES_AHEAD;
    inbox.length = 0;
    void runFile(message.options);
  } else if (message.file !== current) return;
  else if (message.t === "credit") credits += 1;
  else inbox.push(message);
  waiting?.();
});

function send(message: FromWorker): void {
  port?.postMessage(message);
}

function nextMessage(): Promise<void> {
  return new Promise((resolve) => {
    waiting = () => {
      waiting = null;
      resolve();
    };
  });
}

async function* bytesFromMain(): AsyncGenerator<Uint8Array> {
  let ended = false;
  try {
    for (;;) {
      send({ t: "want" });
      while (inbox.length === 0) await nextMessage();
      const message = inbox.shift() as ToWorker;
      if (message.t === "end") {
        ended = true;
        return;
      }
      if (message.t === "fail") {
        ended = true;
        throw fromWire(message.error);
      }
      if (message.t === "chunk") yield message.bytes;
    }
  } finally {
    if (!ended) send({ t: "stop" });
  }
}

async function sendBatch(records: FileRecord[]): Promise<void> {
  while (credits === 0) await nextMessage();
  credits -= 1;
  send({ t: "records", records });
}

async function runFile(options: Partial<OpenOptions>): Promise<void> {
  try {
    const file = await openLogFile(bytesFromMain(), options);
    send({ t: "opened", shape: file.shape, shapeLabel: file.shapeLabel, notice: file.notice });
    let batch: FileRecord[] = [];
    let chars = 0;
    for await (const record of file.records) {
      if (record.kind === "event") record.copyFields = eventCopyFields(record);
      batch.push(record);
      chars += record.kind === "event" ? record.raw.length : 0;
      if (batch.length >= BATCH_RECORDS || chars >= BATCH_CHARS) {
        await sendBatch(batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) await sendBatch(batch);
    send({ t: "done" });
  } catch (error) {
    send({ t: "error", error: toWire(error) });
  }
}
