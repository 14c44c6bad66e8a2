import type { Worker } from "node:worker_threads";
import type { FileRecord } from "../build-record";
import type { LogFile, OpenOptions } from "../log-file";
import { openLogFile } from "../open-log-file";
import type { FromWorker, ToWorker } from "./protocol";
import { fromWire, toWire } from "./wire-error";
import { acquireWorker, discardWorker, releaseWorker } from "./worker-pool";

type Reply = Exclude<FromWorker, { t: "want" } | { t: "stop" }>;
type Outgoing = ToWorker extends infer M ? (M extends ToWorker ? Omit<M, "file"> : never) : never;

let files = 0;

/**
 * openLogFile on a parsing thread: this thread only reads the source's bytes and hands them
 * over, so it is free to write the records while the next ones are parsed. Same contract as
 * openLogFile; falls back to it where no worker can start.
 */
export async function openLogFileInWorker(
  source: AsyncIterable<Uint8Array>,
  options: Partial<OpenOptions> = {},
): Promise<LogFile> {
  const worker = acquireWorker();
  if (worker === null) return openLogFile(source, options);
  const link = new WorkerLink(worker, source);
  link.send({ t: "open", options });
  const first = await link.next();
  if (first.t === "error") {
    link.finish(true);
    throw link.errorOf(first);
  }
  if (first.t !== "opened") {
    link.finish(false);
    throw new Error(`parsing thread answered ${first.t} before opening the file`);
  }

  async function* records(): AsyncGenerator<FileRecord> {
    let clean = false;
    try {
      for (;;) {
        const reply = await link.next();
        if (reply.t === "done") {
          clean = true;
          return;
        }
        if (reply.t === "error") {
          clean = true;
          throw link.errorOf(reply);
        }
        if (reply.t !== "records") throw new Error(`unexpected ${reply.t} from parsing thread`);
        link.send({ t: "credit" });
        yield* reply.records;
      }
    } finally {
      link.finish(clean);
    }
  }
  return {
    shape: first.shape,
    shapeLabel: first.shapeLabel,
    notice: first.notice,
    records: records(),
  };
}

/** One file's conversation with a worker: feeds it bytes on request, queues its replies. */
class WorkerLink {
  private readonly replies: Reply[] = [];
  private waiting: (() => void) | null = null;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private sourceError: unknown;
  private crashed: Error | null = null;
  private finished = false;
  private readonly file = ++files;

  constructor(
    private readonly worker: Worker,
    source: AsyncIterable<Uint8Array>,
  ) {
    this.chunks = source[Symbol.asyncIterator]();
    worker.on("message", this.onMessage);
    worker.on("error", this.onCrash);
    worker.on("exit", this.onExit);
  }

  private readonly onMessage = (message: FromWorker): void => {
    if (message.t === "want") void this.feed();
    else if (message.t === "stop") void this.chunks.return?.();
    else this.push(message);
  };

  private readonly onCrash = (error: Error): void => {
    this.crashed = error;
    this.waiting?.();
  };

  private readonly onExit = (code: number): void => {
    this.crashed ??= new Error(`parsing thread exited with code ${code}`);
    this.waiting?.();
  };

  send(message: Outgoing): void {
    this.worker.postMessage({ ...message, file: this.file });
  }

  private push(reply: Reply): void {
    this.replies.push(reply);
    this.waiting?.();
  }

  private async feed(): Promise<void> {
    try {
      const next = await this.chunks.next();
      if (next.done) this.send({ t: "end" });
      else this.send({ t: "chunk", bytes: next.value });
    } catch (error) {
      this.sourceError = error;
      this.send({ t: "fail", error: toWire(error) });
    }
  }

  async next(): Promise<Reply> {
    for (;;) {
      const reply = this.replies.shift();
      if (reply) return reply;
      if (this.crashed) throw this.crashed;
      await new Promise<void>((resolve) => {
        this.waiting = () => {
          this.waiting = null;
          resolve();
        };
      });
    }
  }

  errorOf(reply: Reply & { t: "error" }): Error {
    return fromWire(reply.error, this.sourceError);
  }

  /** Returns the worker to the pool after a clean end, or ends it when the file was abandoned. */
  finish(clean: boolean): void {
    if (this.finished) return;
    this.finished = true;
    this.worker.off("message", this.onMessage);
    this.worker.off("error", this.onCrash);
    this.worker.off("exit", this.onExit);
    if (clean && this.crashed === null) releaseWorker(this.worker);
    else discardWorker(this.worker);
  }
}
