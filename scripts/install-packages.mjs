// Installs the locked packages on a fresh clone, so that `npm start` and `npm test` are each
// the one command they promise. Plain Node on purpose: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** Runs `npm ci` in `root` when its packages were never installed; exits if that fails. */
export function installPackagesOnFreshClone(root) {
  if (existsSync(path.join(root, "node_modules/.package-lock.json"))) return;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const installed = spawnSync(npm, ["ci", "--no-audit", "--no-fund"], {
    cwd: root,
    stdio: "inherit",
  });
  if (installed.status !== 0) process.exit(installed.status ?? 1);
}
