/** What a bulk action's form shows: a count to confirm, the outcome, or what went wrong. */
export interface BulkState {
  /** Set when the user must confirm a change to every alert matching the filter. */
  confirmCount: number | null;
  /** The change awaiting that confirmation, carried back in the confirm form. */
  pending: { change: string; classification: string } | null;
  message: string | null;
  error: string | null;
  attempt: number;
}

export const INITIAL_BULK_STATE: BulkState = {
  confirmCount: null,
  pending: null,
  message: null,
  error: null,
  attempt: 0,
};
