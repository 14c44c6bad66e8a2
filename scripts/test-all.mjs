// `npm test`: every check the project has, in order: format and lint, types, unit and
// integration tests (vitest, against a real PostgreSQL), production build, browser tests.
// Prints one closing line "N passed, N failed" over all test cases. Installs the packages first
// on a fresh clone.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { installPackagesOnFreshClone } from "./install-packages.mjs";

const root = path.resolve(import.meta.dirname, "..");
installPackagesOnFreshClone(root);
const reports = mkdtempSync(path.join(tmpdir(), "tripline-test-"));
const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function step(title, command, args, extraEnv = {}) {
  process.stdout.write(`\n=== ${title}\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...env, ...extraEnv },
  });
  return result.status === 0;
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");
const results = [
  ["lint and format", step("lint and format", bin("biome"), ["check", "."])],
  ["types", step("types", bin("tsc"), ["--noEmit", "-p", "."])],
  [
    "unit and integration",
    step("unit and integration tests", bin("vitest"), [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ]),
  ],
  ["build", step("production build", bin("next"), ["build"])],
];
results.push([
  "browser",
  step("browser tests", bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  }),
]);

let passed = 0;
let failed = 0;
const vitest = readJson(vitestReport);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
const playwright = readJson(playwrightReport);
if (playwright) {
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
}
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
process.stdout.write("\n");
if (failedSteps.length > 0) process.stdout.write(`failed steps: ${failedSteps.join(", ")}\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length === 0 && passed > 0 ? 0 : 1);
