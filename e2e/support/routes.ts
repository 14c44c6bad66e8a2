import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface AppRoute {
  /** "GET /alerts/[id]": method and the path as written on disk, route groups left out. */
  key: string;
  method: string;
  /** A concrete URL for the path: each dynamic segment filled with a sample value. */
  url: string;
  kind: "page" | "api";
}

const APP_DIR = path.resolve(import.meta.dirname, "../../app");
const HANDLER = /export\s+(?:async\s+)?(?:function\s+|const\s+)(GET|POST|PUT|PATCH|DELETE)\b/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

function routePath(file: string): string {
  const segments = path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function sampleUrl(pattern: string): string {
  return pattern.replace(/\[\[?\.\.\.[^\]]+\]\]?/g, "a/b").replace(/\[[^\]]+\]/g, "1");
}

/** Every page and route handler under app/, read from the files, so none can be forgotten. */
export function appRoutes(): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const file of files(APP_DIR)) {
    const name = path.basename(file);
    const pattern = routePath(file);
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
      routes.push({ key: `GET ${pattern}`, method: "GET", url: sampleUrl(pattern), kind: "page" });
    } else if (/^route\.(ts|js)$/.test(name)) {
      const methods = new Set([...readFileSync(file, "utf8").matchAll(HANDLER)].map((m) => m[1]));
      for (const method of methods) {
        if (!method) continue;
        routes.push({ key: `${method} ${pattern}`, method, url: sampleUrl(pattern), kind: "api" });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
