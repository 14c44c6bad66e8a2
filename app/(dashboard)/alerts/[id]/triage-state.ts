/** What the triage and comment forms show after a submission. */
export interface TriageFormState {
  message: string | null;
  error: string | null;
  /** Counts submissions, so a form remounts with fresh defaults after a success. */
  attempt: number;
}

export const INITIAL_TRIAGE_STATE: TriageFormState = { message: null, error: null, attempt: 0 };
