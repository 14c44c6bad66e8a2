export interface TokenFormState {
  message: string | null;
  /** The new token, shown once right after creation and never again. */
  created: { name: string; token: string } | null;
  attempt: number;
}

export interface RevokeState {
  error: string | null;
}
