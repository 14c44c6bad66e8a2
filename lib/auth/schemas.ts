import { z } from "zod";
import { hasControls } from "../text/visible-controls";
import { Role } from "./roles";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address, such as analyst@example.com."));

export const MAX_PASSWORD_LENGTH = 256;

// Length is what makes a password strong; 12 characters at least, and a bound so that a huge
// body cannot make one hash expensive.
export const NewPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

// Control characters are never part of an email address, a name or a path, and PostgreSQL
// refuses NUL in text outright.
export function withoutControls(text: string): boolean {
  return !hasControls(text);
}

// Only the shape here: bounds and odd characters are judged by signIn, which counts and audits
// such attempts like any other failed sign-in.
export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address."),
  password: z.string().min(1, "Enter your password."),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Why a sign-in attempt cannot match any account before any lookup, or null. */
export function signInInputProblem(input: SignInInput): "malformed" | "too_long" | null {
  if (input.email.length > 254 || !withoutControls(input.email)) return "malformed";
  if (input.password.length > MAX_PASSWORD_LENGTH) return "too_long";
  return null;
}

export const NewUserInput = z.object({ email: Email, role: Role, password: NewPassword });
export type NewUserInput = z.infer<typeof NewUserInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      .max(MAX_PASSWORD_LENGTH, "That is not your current password: it is too long."),
    newPassword: NewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two new passwords differ.",
    path: ["confirmPassword"],
  });

export const TOKEN_LIFETIMES = { "30": 30, "90": 90, "365": 365, never: null } as const;

export const NewTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the token after what uses it.")
    .max(100, "Use at most 100 characters for the name.")
    .refine(
      withoutControls,
      "Use letters, digits and punctuation in the name, no control characters.",
    ),
  role: Role,
  lifetime: z.enum(Object.keys(TOKEN_LIFETIMES) as [keyof typeof TOKEN_LIFETIMES], {
    message: "Choose when the token expires: in 30, 90 or 365 days, or never.",
  }),
});
export type NewTokenInput = z.infer<typeof NewTokenInput>;

export const DEFAULT_NEXT_PATH = "/alerts";
// Resolved against a host that cannot exist: if the result has another origin, the path named
// another site (`//evil.example`, `/\\evil.example`).
const PATH_BASE = "http://tripline.invalid";

/**
 * Where to go after signing in: a path on this site only, never another origin, percent-encoded
 * so that a Location header carries ASCII only. Anything else means the default page.
 */
export function safeNextPath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 2000 || !raw.startsWith("/")) {
    return DEFAULT_NEXT_PATH;
  }
  // The URL parser silently drops tabs and newlines; a path holding any control is refused.
  if (!withoutControls(raw) || raw.includes("\\")) return DEFAULT_NEXT_PATH;
  let url: URL;
  try {
    url = new URL(raw, PATH_BASE);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  if (url.origin !== PATH_BASE) return DEFAULT_NEXT_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

export const NextPath = z.unknown().transform(safeNextPath);
