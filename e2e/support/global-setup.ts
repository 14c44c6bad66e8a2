import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { E2E_ACCOUNTS } from "./accounts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Creates one account per role in the e2e database through the real CLI, the way an operator
 * creates the first admin: `tripline users create`, password on standard input. Playwright
 * starts the web server before this runs, so the CLI reuses that server's embedded PostgreSQL.
 * Nothing here is reachable from the running app.
 */
export default function globalSetup(): void {
  const password = randomBytes(18).toString("base64url");
  process.env.TRIPLINE_E2E_PASSWORD = password;
  for (const [role, email] of Object.entries(E2E_ACCOUNTS)) {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin/tripline.mjs"), "users", "create", "--email", email, "--role", role],
      {
        cwd: ROOT,
        input: `${password}\n`,
        encoding: "utf8",
        env: {
          ...process.env,
          TRIPLINE_DATA_DIR: process.env.TRIPLINE_E2E_DATA_DIR,
          TRIPLINE_PG_PORT: process.env.E2E_PG_PORT,
          LOG_LEVEL: "warn",
        },
      },
    );
    if (result.status !== 0) {
      throw new Error(`tripline users create ${email} failed: ${result.stderr}${result.stdout}`);
    }
  }
}
