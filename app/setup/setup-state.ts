export interface SetupState {
  email: string;
  message: string | null;
  attempt: number;
}
