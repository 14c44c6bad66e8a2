import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    environment: "node",
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    globalSetup: ["./lib/testing/vitest-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
