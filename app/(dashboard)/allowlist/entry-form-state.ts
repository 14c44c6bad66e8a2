export const ENTRY_FIELDS = ["name", "actorPattern", "reason", "owner", "expiresAt"] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** What the create form shows after a submission: the values back, and what was wrong. */
export interface EntryFormState {
  values: Record<EntryField, string>;
  fieldErrors: Partial<Record<EntryField, string>>;
  message: string | null;
  /** Counts submissions, so the form remounts and shows the returned values. */
  attempt: number;
}

export interface DeleteState {
  error: string | null;
}
