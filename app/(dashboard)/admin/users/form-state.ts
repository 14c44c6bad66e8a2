export interface NewUserState {
  email: string;
  message: string | null;
  created: string | null;
  attempt: number;
}

export interface RowActionState {
  error: string | null;
}
