import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { logger } from "../log";

const log = logger("pull-scheduler");
const MAIN = path.join(import.meta.dirname, "scheduler-main.ts");
// A scheduler that crashed is started again after this pause, not in a tight loop.
const RESTART_DELAY_MS = 5_000;
// Runs stop at their next request or wait; one stuck past this is killed (its checkpoint has not
// moved, so the next run reads that range again).
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts the pull scheduler as a child process on `databaseUrl`, restarting it if it dies.
 * `stop` asks it to finish its runs' current step and waits for it to exit.
 */
export function startPullScheduler(databaseUrl: string): { stop: () => Promise<void> } {
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | null = null;

  const launch = () => {
    child = spawn(process.execPath, ["--import", "tsx", MAIN], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    child.on("exit", (code, signal) => {
      child = null;
      // Exit code 0 is a requested stop (Ctrl-C reaches the whole process group).
      if (stopping || code === 0) return;
      log.error({ code, signal }, "pull scheduler exited; restarting");
      restartTimer = setTimeout(launch, RESTART_DELAY_MS);
    });
  };
  launch();

  return {
    stop: async () => {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
      running.kill("SIGTERM");
      const timer = setTimeout(() => running.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
