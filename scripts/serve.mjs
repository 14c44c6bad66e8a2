// `npm start` / `npm run dev`: installs packages on a fresh clone, then starts Tripline.
// Plain Node on purpose: it must run before anything is installed.
import { spawn } from "node:child_process";
import path from "node:path";
import { installPackagesOnFreshClone } from "./install-packages.mjs";

const root = path.resolve(import.meta.dirname, "..");
installPackagesOnFreshClone(root);

const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "lib/server/start.ts"), ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
);
// A SIGTERM sent to this process (or to npm, which passes it on) must reach the server, which
// then stops Next and the embedded database in order.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
