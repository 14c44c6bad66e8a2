import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

/**
 * The first line of piped text, exactly as written: spaces at either end belong to the password;
 * only the line ending (LF or CRLF) is dropped.
 */
export function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

/** A password that was given but cannot be used; its message is for the user. */
export class PasswordInputError extends Error {}

/**
 * Piped bytes as text. Bytes that are not UTF-8 would be stored as U+FFFD, a password nobody can
 * type at the sign-in form, so they are refused.
 */
export function passwordText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PasswordInputError(
      "the password on standard input is not valid UTF-8 text; pipe it as UTF-8 (the sign-in " +
        "form sends UTF-8)",
    );
  }
}

/** The first line of standard input, for `echo … | tripline users create` and scripts. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return firstLine(passwordText(Buffer.concat(chunks)));
}

/** Asks on the terminal without echoing what is typed. */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = terminal.question(question);
    muted = true;
    return await answer;
  } finally {
    terminal.close();
    process.stderr.write("\n");
  }
}

/**
 * A new password: from standard input when it is not a terminal (first line), otherwise asked
 * twice on the terminal. Never taken from the command line, where `ps` and shell history see it.
 */
export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await promptHidden("New password: ");
  const second = await promptHidden("Repeat it: ");
  if (first !== second) throw new PasswordInputError("the two passwords differ");
  return first;
}
