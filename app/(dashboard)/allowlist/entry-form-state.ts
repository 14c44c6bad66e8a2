import type { AllowlistPreview } from "@/lib/allowlist/preview";

export const ENTRY_FIELDS = [
  "name",
  "actorPattern",
  "sources",
  "operations",
  "accounts",
  "ipRanges",
  "userAgentPattern",
  "reason",
  "owner",
  "expiresAt",
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** What the entry form shows after a submission: the values back, what was wrong, a preview. */
export interface EntryFormState {
  values: Record<EntryField, string>;
  fieldErrors: Partial<Record<EntryField, string>>;
  message: string | null;
  /** The alerts the entry as last submitted would suppress; set after "Preview". */
  preview: AllowlistPreview | null;
  /** The values the preview was made for: "Save" saves only what was previewed. */
  previewedValues?: Record<EntryField, string> | null;
  /** Counts submissions, so the form remounts and shows the returned values. */
  attempt: number;
}

export interface DeleteState {
  error: string | null;
}

export function emptyValues(): Record<EntryField, string> {
  return Object.fromEntries(ENTRY_FIELDS.map((field) => [field, ""])) as Record<EntryField, string>;
}
