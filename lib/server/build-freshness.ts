import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// What a production build is made from; a change to any of them calls for a new build.
const SOURCES = ["app", "lib", "public", "proxy.ts", "next.config.js", "package-lock.json"];
const SKIPPED = new Set(["node_modules", "generated", ".next"]);

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (!SKIPPED.has(child)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

/**
 * Whether `next start` would serve what the sources say: there is a build, and no source file
 * changed after it (a `git pull` after the last start must not keep serving the old pages).
 */
export function buildIsCurrent(root: string): boolean {
  const buildId = path.join(root, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestChange(path.join(root, source)) <= builtAt);
}
