export interface SignInState {
  email: string;
  message: string | null;
  /** Counts submissions, so the form remounts and shows the email back. */
  attempt: number;
}
