import type { FormField, FormValues } from "@/lib/pull/source-form";

/** What the source form shows after a submission: the values back, and what was wrong. */
export interface SourceFormState {
  values: FormValues;
  fieldErrors: Partial<Record<FormField, string>>;
  message: string | null;
  /** Counts submissions, so the form remounts and shows the returned values. */
  attempt: number;
}

export interface ActionState {
  error: string | null;
}
