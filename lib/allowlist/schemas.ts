import { z } from "zod";
import { env } from "../env";
import { SOURCE_TABLES } from "../events/types";
import { lineText, paragraphText } from "../text/text-field";
import { parseCidr } from "./cidr";

/** A list field from a form (one text, comma or line separated) or from JSON (an array). */
const list = <Item>(item: z.ZodType<Item, string>) =>
  z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((value) =>
      (Array.isArray(value) ? value : (value ?? "").split(/[\n,]+/))
        .map((v) => v.trim())
        .filter((v) => v !== ""),
    )
    .pipe(z.array(item).max(200));

const cidr = z.string().transform((text, ctx) => {
  const parsed = parseCidr(text);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: `${text} is not an IP range such as 203.0.113.0/24.` });
    return z.NEVER;
  }
  return parsed;
});

const optionalPattern = lineText("The user-agent pattern", 1000)
  .optional()
  .transform((v) => (v ? v : null));

export const AllowlistEntryInput = z
  .object({
    name: lineText("The name", 200).pipe(z.string().min(1, "Give the entry a name.")),
    actorPattern: lineText("The actor pattern", 1000).pipe(
      z.string().min(1, "An actor pattern is required, e.g. arn:aws:iam::*:role/terraform-*."),
    ),
    sources: list(z.enum(SOURCE_TABLES, { message: "Unknown source table." })),
    operations: list(lineText("An operation", 300)).transform((ops) =>
      ops.map((op) => op.toLowerCase()),
    ),
    accounts: list(lineText("An account", 200)),
    ipRanges: list(cidr),
    userAgentPattern: optionalPattern,
    reason: paragraphText("The reason", 2000).pipe(
      z.string().min(1, "Say why this activity is expected."),
    ),
    owner: lineText("The owner", 200).pipe(z.string().min(1, "Name the owner of the entry.")),
    expiresAt: z.coerce.date({ message: "Give an expiry date." }),
    enabled: z.boolean().default(true),
  })
  .superRefine((entry, ctx) => {
    const now = Date.now();
    const maxDays = env().TRIPLINE_ALLOWLIST_MAX_DAYS;
    if (Number.isNaN(entry.expiresAt.getTime()) || entry.expiresAt.getTime() <= now) {
      ctx.addIssue({
        code: "custom",
        path: ["expiresAt"],
        message: "The expiry must be in the future.",
      });
    } else if (entry.expiresAt.getTime() > now + maxDays * 86_400_000) {
      ctx.addIssue({
        code: "custom",
        path: ["expiresAt"],
        message: `An entry may run at most ${maxDays} days; choose an earlier expiry.`,
      });
    }
  });

export type AllowlistEntryInput = z.infer<typeof AllowlistEntryInput>;
