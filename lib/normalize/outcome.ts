import type { Outcome } from "../events/types";

// Azure writes one status in several spellings depending on the export path (REST "Succeeded",
// diagnostic "Success"); Entra writes lower case. All of them, compared case-insensitively.
const VOCABULARY: Readonly<Record<string, Outcome>> = {
  succeeded: "success",
  success: "success",
  succeed: "success",
  failed: "failure",
  failure: "failure",
  fail: "failure",
  // An Entra operation that timed out did not do what was asked.
  timeout: "failure",
  started: "in_progress",
  start: "in_progress",
  accepted: "in_progress",
  accept: "in_progress",
  inprogress: "in_progress",
  "in progress": "in_progress",
};

/** The outcome a native status word means; "unknown" for an empty or unfamiliar one. */
export function outcomeOf(status: string): Outcome {
  return VOCABULARY[status.trim().toLowerCase()] ?? "unknown";
}
