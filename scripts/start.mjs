#!/usr/bin/env node
/**
 * `npm start`: builds the app (incrementally), then serves the production build.
 * Listens on 127.0.0.1 unless HOST says otherwise, and refuses a non-loopback HOST without
 * PLAYGROUND_PASSWORD (DESIGN.md section 6).
 */
import { existsSync } from "node:fs";
import { spawnSync, spawn } from "node:child_process";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const loopback = ["127.0.0.1", "localhost", "::1"].includes(host);
if (!loopback && !process.env.PLAYGROUND_PASSWORD) {
  console.error(`Refusing to listen on ${host}: set PLAYGROUND_PASSWORD to serve beyond this machine.`);
  process.exit(1);
}

// Always build: incremental builds take seconds, and a stale build after `git pull` would serve
// old code. `--no-build` skips it when the build is known to be current (tests, benchmarks).
if (!process.argv.includes("--no-build") || !existsSync(".next/BUILD_ID")) {
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Run next directly (not through npx) so a signal reaches the server itself, leaving no orphan.
const server = spawn(process.execPath, [NEXT_BIN, "start", "-H", host, "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
