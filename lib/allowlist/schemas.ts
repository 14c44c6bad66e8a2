import { z } from "zod";

export const AllowlistEntryInput = z.object({
  name: z.string().trim().min(1, "Give the entry a name.").max(200),
  actorPattern: z
    .string()
    .trim()
    .min(1, "An actor pattern is required, e.g. arn:aws:iam::*:role/terraform-*.")
    .max(1000),
  reason: z.string().trim().min(1, "Say why this activity is expected.").max(2000),
  owner: z.string().trim().min(1, "Name the owner of the entry.").max(200),
  expiresAt: z.coerce
    .date({ message: "Give an expiry date." })
    .refine((d) => d.getTime() > Date.now(), "The expiry must be in the future."),
});

export type AllowlistEntryInput = z.infer<typeof AllowlistEntryInput>;
