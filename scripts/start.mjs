#!/usr/bin/env node
/**
 * `npm start`: builds the app (incrementally), then serves the production build with
 * scripts/serve.mjs (HOST/PORT, loopback unless PLAYGROUND_PASSWORD is set).
 */
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const NEXT_BIN = "node_modules/next/dist/bin/next";

// Always build: incremental builds take seconds, and a stale build after `git pull` would serve
// old code. `--no-build` skips it when the build is known to be current (tests, benchmarks).
if (!process.argv.includes("--no-build") || !existsSync(".next/BUILD_ID")) {
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// In this process: a signal reaches the server itself, leaving no orphan.
await import("./serve.mjs");
