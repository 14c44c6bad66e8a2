import { z } from "zod";
import { lineText, paragraphText } from "../text/text-field";
import { ALERT_STATUSES } from "./schemas";

export const CLASSIFICATIONS = [
  "true_positive",
  "benign_positive",
  "false_positive",
  "undetermined",
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  true_positive: "True positive",
  benign_positive: "Benign positive (expected automation)",
  false_positive: "False positive",
  undetermined: "Undetermined",
};

/**
 * One triage change applied to one or many alerts. Closing needs a classification; any other
 * status clears it, so a reopened alert is not still counted as a true positive.
 */
export const TriageChange = z
  .object({
    status: z
      .enum(ALERT_STATUSES, { message: "Choose a status: open, acknowledged or closed." })
      .optional(),
    classification: z
      .enum(CLASSIFICATIONS, { message: "Choose one of the listed classifications." })
      .optional(),
    note: paragraphText("The note", 5000).optional(),
    assignee: lineText("The assignee", 320).nullable().optional(),
  })
  .refine((c) => c.status !== "closed" || c.classification !== undefined, {
    message: "Choose a classification to close an alert.",
    path: ["classification"],
  })
  .refine((c) => c.classification === undefined || c.status === "closed", {
    message: "A classification is given only when closing.",
    path: ["classification"],
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: "Nothing to change.",
  });
export type TriageChange = z.infer<typeof TriageChange>;

export const CommentInput = z.object({
  body: paragraphText("The comment", 10_000).pipe(z.string().min(1, "Write a comment first.")),
});
