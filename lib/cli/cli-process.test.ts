import { spawn } from "node:child_process";
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { giveEachFileATestDatabase } from "../testing/test-database";

giveEachFileATestDatabase();

const ROOT = path.resolve(import.meta.dirname, "../..");
// Counts the bytes of its standard input, reading it a little at a time so that the CLI's
// pipe fills up and its writes are still queued when its command is done.
const COUNTER = `let n=0;process.stdin.on("data",(c)=>{n+=c.length;process.stdin.pause();
setImmediate(()=>process.stdin.resume())});process.stdin.on("end",()=>process.stdout.write(String(n)))`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tripline ARGS`; with `counted`, its stdout goes through a pipe to a byte counter. */
function tripline(
  args: string[],
  counted = false,
  settings: Record<string, string> = {},
): Promise<Run> {
  const env = { ...process.env, LOG_LEVEL: "warn", ...settings };
  const cli = spawn(process.execPath, [path.join(ROOT, "bin/tripline.mjs"), ...args], {
    cwd: ROOT,
    env,
  });
  const reader = counted ? spawn(process.execPath, ["-e", COUNTER]) : null;
  if (reader) cli.stdout.pipe(reader.stdin);
  const out = reader ? reader.stdout : cli.stdout;
  let stdout = "";
  let stderr = "";
  out.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
  cli.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve) => {
    let code: number | null = null;
    let pending = reader ? 2 : 1;
    const done = () => --pending === 0 && resolve({ code, stdout, stderr });
    cli.on("close", (c) => {
      code = c;
      done();
    });
    reader?.on("close", done);
  });
}

describe("tripline command", () => {
  it("says in one line which setting is wrong, without a stack trace", async () => {
    const run = await tripline(["ingest", "/nonexistent"], false, {
      TRIPLINE_MAX_FILE_BYTES: "abc",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^tripline: Invalid environment: TRIPLINE_MAX_FILE_BYTES: [^\n]+\n$/,
    );
  });

  it("writes all of its output into a pipe before exiting", async () => {
    const missing = Array.from({ length: 300 }, (_, i) => `/nonexistent/${"x".repeat(300)}${i}`);
    const direct = await tripline(["ingest", "--json", ...missing]);
    const piped = await tripline(["ingest", "--json", ...missing], true);
    expect(direct.stdout.length).toBeGreaterThan(100_000);
    expect(Number(piped.stdout)).toBe(Buffer.byteLength(direct.stdout));
    expect(piped.code).toBe(1);
  });

  it("reports missing paths and broken links as failed files and reads the rest", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tripline-cli-"));
    writeFileSync(path.join(dir, "good.json"), "[]");
    symlinkSync(path.join(dir, "gone.json"), path.join(dir, "dangling.json"));
    symlinkSync(dir, path.join(dir, "loop"));
    const run = await tripline(["ingest", "/nonexistent.json", dir]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^FAILED {2}\/nonexistent.json/);
    expect(run.stdout).toMatch(/No such file or folder/);
    expect(run.stdout).toMatch(/dangling\.json.*\n.*link to a file or folder that does not exist/);
    expect(run.stdout.match(/good\.json/g)).toHaveLength(1);
    expect(run.stdout).toMatch(/total: 3 files \(2 failed\)/);
    expect(run.stderr).not.toMatch(/ENOENT|at .*\.ts/);
  });

  it("shows control characters of a file name as escapes", async () => {
    const run = await tripline(["ingest", "/nonexistent/\u001b[2J\u001b]0;pwned\u0007\r\nfake"]);
    expect(run.stdout).toContain("\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\x0afake");
    const controls = [...run.stdout].filter((c) => c < " " && c !== "\n");
    expect(controls).toEqual([]);
  });

  it("explains the alerts filters and refuses unknown rules and dates by the flag typed", async () => {
    const help = await tripline(["alerts", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--suppression active\|suppressed\|all/);
    const rule = await tripline(["alerts", "--rule", "bogus"]);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(/--rule: no rule "bogus"; use sentinel-parity, hardened/);
    const since = await tripline(["alerts", "--since", "bogus"]);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since:/);
    expect(since.stderr).not.toMatch(/--from/);
  });
});
