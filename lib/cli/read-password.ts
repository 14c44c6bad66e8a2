import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

/**
 * The first line of piped text, exactly as written: spaces at either end belong to the password;
 * only the line ending (LF or CRLF) is dropped.
 */
export function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? "";
}

/** The first line of standard input, for `echo … | tripline users create` and scripts. */
async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return firstLine(Buffer.concat(chunks).toString("utf8"));
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
  if (first !== second) throw new Error("the two passwords differ");
  return first;
}
