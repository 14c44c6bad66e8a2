import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// A data folder of its own per run: the embedded database starts empty. Kept in the environment
// so that globalSetup and the workers, which load this file again, agree on it.
process.env.TRIPLINE_E2E_DATA_DIR ??= path.join(tmpdir(), `tripline-e2e-${process.pid}`);
const DATA_DIR = process.env.TRIPLINE_E2E_DATA_DIR;
process.env.E2E_PG_PORT ??= "5441";
// Seals the secrets of the pull sources the browser tests add; a throwaway key per run.
process.env.TRIPLINE_SECRET_KEY ??= randomBytes(32).toString("hex");

export default defineConfig({
  testDir: "e2e",
  // Creates the test accounts with `tripline users create` once the server runs.
  globalSetup: "./e2e/support/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    trace: "off",
    launchOptions: {
      // Debian's Chromium: `playwright install` cannot download a browser on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
      ],
    },
  },
  webServer: {
    // The same start path as `npm start`: embedded PostgreSQL, migrations, `next start`.
    command: "node --import tsx lib/server/start.ts",
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    // SIGTERM lets the start script stop Next and the embedded PostgreSQL it started.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      TRIPLINE_DATA_DIR: DATA_DIR,
      TRIPLINE_PORT: String(PORT),
      TRIPLINE_PG_PORT: process.env.E2E_PG_PORT,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      TRIPLINE_SECRET_KEY: process.env.TRIPLINE_SECRET_KEY,
    },
  },
});
