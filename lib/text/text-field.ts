import { z } from "zod";
import { hasControls, hasControlsBesidesLines } from "./visible-controls";

// PostgreSQL refuses NUL in text outright, and ESC or BEL stored in a note would reach the
// terminals and logs that print it; typed text never needs them.

/**
 * A trimmed one-line text field whose messages name it: `subject` reads as the start of a
 * sentence ("The name").
 */
export function lineText(subject: string, max: number) {
  return z
    .string({ message: `${subject} must be text.` })
    .trim()
    .max(max, `${subject} is too long: use at most ${max.toLocaleString("en")} characters.`)
    .refine((text) => !hasControls(text), `${subject} cannot hold control characters.`);
}

/** As lineText, for text that may keep line breaks and tabs (comments, notes). */
export function paragraphText(subject: string, max: number) {
  return z
    .string({ message: `${subject} must be text.` })
    .trim()
    .max(max, `${subject} is too long: use at most ${max.toLocaleString("en")} characters.`)
    .refine(
      (text) => !hasControlsBesidesLines(text),
      `${subject} cannot hold control characters other than line breaks and tabs.`,
    );
}
