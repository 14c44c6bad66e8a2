import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { findCredentials } from "../auth/user-store";
import { giveEachFileATestDatabase } from "../testing/test-database";
import { firstLine, passwordText } from "./read-password";
import { counted } from "./users-command";

giveEachFileATestDatabase();

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tripline users ARGS` with `input` piped to its standard input. */
function users(args: string[], input: string | Buffer = ""): Promise<Run> {
  const env = { ...process.env, LOG_LEVEL: "info" };
  const cli = spawn(process.execPath, [path.join(ROOT, "bin/tripline.mjs"), "users", ...args], {
    cwd: ROOT,
    env,
  });
  let stdout = "";
  let stderr = "";
  cli.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  cli.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  cli.stdin.end(input);
  return new Promise((resolve) => cli.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("firstLine", () => {
  it("keeps spaces at both ends and drops only the line ending", () => {
    expect(firstLine("  secret with spaces  \n")).toBe("  secret with spaces  ");
    expect(firstLine("tabbed\t\r\nsecond line")).toBe("tabbed\t");
    expect(firstLine("no newline ")).toBe("no newline ");
  });
});

describe("passwordText", () => {
  it("reads UTF-8 and refuses bytes that are not UTF-8", () => {
    expect(passwordText(Buffer.from("pässwörd long\n"))).toBe("pässwörd long\n");
    expect(() => passwordText(Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x0a]))).toThrow(
      /not valid UTF-8/,
    );
  });
});

describe("tripline users", () => {
  it("stores a piped password exactly, trailing spaces included", async () => {
    const password = "  correct horse battery  ";
    const run = await users(
      ["create", "--email", "spaces@example.com", "--role", "viewer"],
      `${password}\n`,
    );
    expect(run.code).toBe(0);
    const found = await findCredentials("spaces@example.com");
    expect(found).not.toBeNull();
    expect(await verifyPassword(password, found?.passwordHash ?? "")).toBe(true);
    expect(await verifyPassword(password.trimEnd(), found?.passwordHash ?? "")).toBe(false);
  });

  it("refuses a piped password that is not UTF-8, creating nothing", async () => {
    const bytes = Buffer.concat([
      Buffer.from("bad"),
      Buffer.from([0xff, 0xfe]),
      Buffer.from("password12\n"),
    ]);
    const run = await users(["create", "--email", "utf@example.com", "--role", "viewer"], bytes);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tripline: password: the password on standard input is not valid/);
    expect(await findCredentials("utf@example.com")).toBeNull();
  });

  it("refuses a repeated --role instead of taking the last", async () => {
    const args = ["create", "--email", "twice@example.com", "--role", "viewer", "--role", "admin"];
    const run = await users(args, "long enough password\n");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--role given 2 times; give it once/);
    expect(await findCredentials("twice@example.com")).toBeNull();
  });

  it("answers a duplicate email with one line and a non-zero code", async () => {
    const args = ["create", "--email", "dup@example.com", "--role", "analyst"];
    expect((await users(args, "long enough password\n")).code).toBe(0);
    const again = await users(args, "long enough password\n");
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe("tripline: an account with the email dup@example.com exists");
  });

  it("lists the accounts with their count", async () => {
    const run = await users(["list"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(run.stderr).toMatch(new RegExp(`^${lines.length} users$`, "m"));
    expect(run.stdout).toMatch(/analyst +dup@example\.com/);
  });
});

describe("counted", () => {
  it("uses the singular for one", () => {
    expect(counted(1, "user")).toBe("1 user");
    expect(counted(0, "user")).toBe("0 users");
    expect(counted(3, "session")).toBe("3 sessions");
  });
});
