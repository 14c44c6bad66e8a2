import { z } from "zod";
import { Role } from "./roles";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address, such as analyst@example.com."));

// Length is what makes a password strong; 12 characters at least, and a bound so that a huge
// body cannot make one hash expensive.
export const NewPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Use at most 256 characters.");

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(256),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const NewUserInput = z.object({ email: Email, role: Role, password: NewPassword });
export type NewUserInput = z.infer<typeof NewUserInput>;

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(256),
    newPassword: NewPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "The two new passwords differ.",
    path: ["confirmPassword"],
  });

export const TOKEN_LIFETIMES = { "30": 30, "90": 90, "365": 365, never: null } as const;

export const NewTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token after what uses it.").max(100),
  role: Role,
  lifetime: z.enum(Object.keys(TOKEN_LIFETIMES) as [keyof typeof TOKEN_LIFETIMES]),
});
export type NewTokenInput = z.infer<typeof NewTokenInput>;

/** Where to go after signing in: a path on this site only, never another origin. */
export const NextPath = z
  .string()
  .regex(/^\/(?![/\\])[^\s]*$/)
  .max(2000)
  .catch("/alerts");
