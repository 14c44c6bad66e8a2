// The pull scheduler's own process, started by lib/server/start.ts beside the Next server: a
// long download or a crash here never stalls or takes down the dashboard.
import { disconnect } from "../db/client";
import { logger } from "../log";
import { runScheduler } from "./scheduler";

const log = logger("pull-scheduler");
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => controller.abort());
}
// The server's exit hooks can end it before it stops this process; the closed IPC channel
// tells the scheduler its parent is gone, so it never outlives the server.
if (process.send) {
  process.once("disconnect", () => controller.abort());
}

runScheduler(controller.signal)
  .then(() => disconnect())
  .then(
    () => process.exit(0),
    (error: unknown) => {
      log.fatal({ err: error }, "pull scheduler crashed");
      process.exit(1);
    },
  );
