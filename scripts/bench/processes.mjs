// Child processes of the benchmark: node scripts, `--phase` runs under tsx, the embedded database.
import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
const PHASES = path.join(ROOT, "scripts", "bench", "phases.mjs");

/** Runs node with `args` to its end, keeping its output; fails on a non-zero exit. */
export function run(args, env) {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ stdout, stderr, seconds });
      else reject(new Error(`${args.join(" ")} exited with ${code}\n${stderr}`));
    });
  });
}

/** Runs one `--phase` of this script under tsx and returns the JSON it prints last. */
export async function phase(name, env, extra = []) {
  const result = await run(["--import", "tsx", PHASES, "--phase", name, ...extra], env);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "null");
}

/** The environment without DATABASE_URL, so nothing reaches a database other than the bench's. */
export function baseEnv() {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: "warn" };
}

/** The embedded PostgreSQL in its own process (lib/db/embedded-cli.ts), until stop(). */
export async function startDatabase(folder, port) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "lib/db/embedded-cli.ts", "--migrate"],
    {
      cwd: ROOT,
      env: { ...baseEnv(), TRIPLINE_DATA_DIR: path.join(folder, "data"), TRIPLINE_PG_PORT: port },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const ready = /READY (\S+)/.exec(stdout);
      if (ready) resolve(ready[1]);
    });
    exited.then((code) => reject(new Error(`the database exited with ${code}\n${stderr}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
