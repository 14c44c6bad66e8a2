import { spawn } from "node:child_process";
import path from "node:path";
import { announceSetupLink } from "../auth/setup-link";
import { disconnect } from "../db/client";
import { startEmbeddedDatabase } from "../db/embedded";
import { migrate } from "../db/migrate";
import { env } from "../env";
import { maintainEventPartitions } from "../events/partitions";
import { markInterruptedJobs } from "../ingest/job-liveness";
import { logger } from "../log";
import { startPullScheduler } from "../pull/scheduler-process";
import { redetectChangedRules } from "../redetect/on-start";
import { buildIsCurrent } from "./build-freshness";

const log = logger("server");
const ROOT = path.resolve(import.meta.dirname, "../..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

function run(args: string[], extraEnv: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

/**
 * `npm start`: the database (DATABASE_URL, or the embedded one, created on first run), its
 * migrations, a production build when none exists, then the dashboard on 127.0.0.1.
 */
export async function startServer(mode: "start" | "dev"): Promise<number> {
  const config = env();
  let databaseUrl = config.DATABASE_URL;
  let stopDatabase = async (): Promise<void> => undefined;
  let stopScheduler = async (): Promise<void> => undefined;
  if (!databaseUrl) {
    const running = await startEmbeddedDatabase();
    databaseUrl = running.url;
    stopDatabase = running.stop;
  }
  try {
    await migrate(databaseUrl);
    await maintainEventPartitions();
    // Jobs left "running" by a server or command that died are shown as interrupted.
    await markInterruptedJobs();
    await redetectChangedRules();
    await announceSetupLink().finally(disconnect);
    // Cloud pulls run in a process of their own beside the dashboard: lib/pull/scheduler-process.
    stopScheduler = startPullScheduler(databaseUrl).stop;
    if (mode === "start" && !buildIsCurrent(ROOT)) {
      log.info({}, "the production build is missing or older than the sources: building");
      const built = await run(["build"], {});
      if (built !== 0) return built;
    }
    log.info(
      { url: `http://${config.TRIPLINE_HOST}:${config.TRIPLINE_PORT}` },
      "serving the dashboard",
    );
    return await run([mode, "-H", config.TRIPLINE_HOST, "-p", String(config.TRIPLINE_PORT)], {
      DATABASE_URL: databaseUrl,
    });
  } finally {
    await stopScheduler();
    await stopDatabase();
  }
}

const mode = process.argv.includes("--dev") ? "dev" : "start";
startServer(mode).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log.fatal({ err: error }, "could not start");
    process.stderr.write(`tripline: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
