import { parseArgs } from "node:util";
import { z } from "zod";
import { recordAudit } from "../audit/store";
import { hashPassword } from "../auth/password";
import { Role } from "../auth/roles";
import { Email, NewPassword } from "../auth/schemas";
import { deleteOtherSessions } from "../auth/session-store";
import {
  createUser,
  findCredentials,
  listUsers,
  setPasswordHash,
  type User,
} from "../auth/user-store";
import { AppError } from "../errors";
import { withDatabase } from "./database";
import { PasswordInputError, readNewPassword } from "./read-password";

const USAGE = `usage: tripline users create --email EMAIL --role viewer|analyst|admin
       tripline users password --email EMAIL     set a new password, end their sessions
       tripline users list [--json]
The password is read from standard input when it is not a terminal, else asked for.`;

// `multiple` so that a repeated flag can be refused rather than the last one silently winning.
const OPTIONS = {
  email: { type: "string", multiple: true },
  role: { type: "string", multiple: true },
  json: { type: "boolean" },
} as const;

interface UsersArgs {
  email?: string;
  role?: string;
  json?: boolean;
}

const CreateArgs = z.object({ email: Email, role: Role });

export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The new password from standard input or the terminal, or why it cannot be used. */
async function newPassword(): Promise<
  { success: true; data: string } | { success: false; problem: string }
> {
  let text: string;
  try {
    text = await readNewPassword();
  } catch (error) {
    if (error instanceof PasswordInputError) return { success: false, problem: error.message };
    throw error;
  }
  const parsed = NewPassword.safeParse(text);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, problem: problems(parsed.error) };
}

function fail(message: string): number {
  process.stderr.write(`tripline: ${message}\n${USAGE}\n`);
  return 2;
}

function problems(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? `--${i.path.join(".")}: ` : ""}${i.message}`)
    .join("; ");
}

function singleValues(parsed: { email?: string[]; role?: string[]; json?: boolean }): UsersArgs {
  const one = (flag: string, given: string[] | undefined) => {
    if (given && given.length > 1)
      throw new Error(`--${flag} given ${given.length} times; give it once`);
    return given?.[0];
  };
  return { email: one("email", parsed.email), role: one("role", parsed.role), json: parsed.json };
}

/** `tripline users …`: accounts from the command line, for the first admin and for recovery. */
export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "--help") {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  let values: UsersArgs;
  try {
    values = singleValues(parseArgs({ args: rest, options: OPTIONS, strict: true }).values);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (sub === "create") return create(values);
  if (sub === "password") return resetPassword(values);
  if (sub === "list") return list(values.json === true);
  return fail(sub ? `unknown users command "${sub}"` : "name a users command");
}

async function create(values: { email?: string; role?: string }): Promise<number> {
  const parsed = CreateArgs.safeParse(values);
  if (!parsed.success) return fail(problems(parsed.error));
  const password = await newPassword();
  if (!password.success) return fail(`password: ${password.problem}`);

  const passwordHash = await hashPassword(password.data);
  return withDatabase(async () => {
    let user: User;
    try {
      user = await createUser({ ...parsed.data, passwordHash });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "conflict") throw error;
      process.stderr.write(`tripline: an account with the email ${parsed.data.email} exists\n`);
      return 1;
    }
    await recordAudit({
      action: "user.created",
      actor: { via: "cli" },
      target: user.email,
      details: { role: user.role },
    });
    process.stdout.write(`created ${user.role} ${user.email}\n`);
    return 0;
  });
}

async function resetPassword(values: { email?: string }): Promise<number> {
  const email = Email.safeParse(values.email);
  if (!email.success) return fail(`--email: ${problems(email.error)}`);
  const password = await newPassword();
  if (!password.success) return fail(`password: ${password.problem}`);

  const passwordHash = await hashPassword(password.data);
  return withDatabase(async () => {
    const found = await findCredentials(email.data);
    if (!found) {
      process.stderr.write(`tripline: no account has the email ${email.data}\n`);
      return 1;
    }
    await setPasswordHash(found.user.id, passwordHash);
    const endedSessions = await deleteOtherSessions(found.user.id);
    await recordAudit({
      action: "password.reset",
      actor: { via: "cli" },
      target: found.user.email,
      details: { endedSessions },
    });
    process.stdout.write(
      `new password set for ${found.user.email}; ${counted(endedSessions, "session")} ended\n`,
    );
    return 0;
  });
}

async function list(json: boolean): Promise<number> {
  await withDatabase(async () => {
    const users = await listUsers();
    if (json) {
      const rows = users.map((u) => ({ email: u.email, role: u.role, createdAt: u.createdAt }));
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    }
    for (const user of users) process.stdout.write(`${user.role.padEnd(8)} ${user.email}\n`);
    process.stderr.write(`${counted(users.length, "user")}\n`);
  });
  return 0;
}
