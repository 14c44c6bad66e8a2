import { z } from "zod";

const WithOffset = z.iso.datetime({ offset: true });
const WithoutZone = z.iso.datetime({ local: true });

/**
 * A run instant as a user types it: ISO 8601 with `Z` or an offset, or without a zone (what a
 * datetime-local input sends), which is read as UTC like every time Tripline shows. Empty: now.
 */
export const RunInstant = z
  .string()
  .trim()
  .max(40)
  .refine((s) => WithOffset.safeParse(s).success || WithoutZone.safeParse(s).success, {
    message: "Give the time as ISO 8601, e.g. 2025-06-01T12:00:00Z.",
  })
  .transform((s) => new Date(WithOffset.safeParse(s).success ? s : `${s}Z`))
  .refine((date) => !Number.isNaN(date.getTime()), { message: "That time does not exist." });

const emptyIsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const ParityAt = z.preprocess(emptyIsAbsent, RunInstant.optional());

export const PARITY_FORMATS = ["json", "csv"] as const;
export type ParityFormat = (typeof PARITY_FORMATS)[number];

/** The report route's query string: `?at=…&format=csv`. */
export const ParityQuery = z.object({
  at: ParityAt,
  format: z.preprocess(emptyIsAbsent, z.enum(PARITY_FORMATS).default("json")),
});
export type ParityQuery = z.infer<typeof ParityQuery>;
