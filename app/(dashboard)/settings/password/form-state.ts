export interface PasswordFormState {
  message: string | null;
  done: boolean;
  attempt: number;
}
