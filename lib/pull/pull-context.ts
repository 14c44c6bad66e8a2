import type { Logger } from "pino";
import type { Checkpoint } from "./checkpoint";
import type { RunIngest } from "./run-ingest";
import type { SourceSecrets, SourceSettings } from "./settings";
import type { PullTuning } from "./tuning";

/** What one run of one source works with; each source kind's module receives it. */
export interface PullContext<Settings extends SourceSettings = SourceSettings> {
  sourceId: string;
  settings: Settings;
  secrets: SourceSecrets;
  checkpoint: Checkpoint | null;
  /** The run's start: the end of the time it reads, and the checkpoint it may reach. */
  startedAt: Date;
  tuning: PullTuning;
  signal: AbortSignal;
  ingest: RunIngest;
  /** Moves the checkpoint; call only once everything up to `through` is stored. */
  saveCheckpoint: (through: Date) => Promise<void>;
  log: Logger;
}
