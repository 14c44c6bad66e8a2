import type { FileRecord } from "../build-record";
import type { OpenOptions } from "../log-file";
import type { ShapeId } from "../shapes";

/** An error crossing the thread boundary: an IngestError keeps its code. */
export interface WireError {
  code: string | null;
  message: string;
}

/** Every message names its file, so a late one for a finished file is ignored. */
export type ToWorker = { file: number } & (
  | { t: "open"; options: Partial<OpenOptions> }
  | { t: "chunk"; bytes: Uint8Array }
  | { t: "end" }
  | { t: "fail"; error: WireError }
  /** The reader took one batch of records: the worker may send one more. */
  | { t: "credit" }
);

export type FromWorker =
  | { t: "want" }
  /** The worker's reader stopped early: the source can be released. */
  | { t: "stop" }
  | { t: "opened"; shape: ShapeId; shapeLabel: string; notice: string | null }
  | { t: "records"; records: FileRecord[] }
  | { t: "done" }
  | { t: "error"; error: WireError };
