#!/usr/bin/env node
/**
 * `npm start`: builds the app when its source changed since the last build, then serves the
 * production build with scripts/serve.mjs (HOST/PORT, loopback unless PLAYGROUND_PASSWORD is set).
 *
 * "Changed" is decided by a hash of the source (scripts/source-hash.mjs: the tracked files'
 * contents and package-lock.json) stored with the build in .next/source-hash, so a restart of an
 * unchanged checkout serves at once, and one after `git pull` or an edit rebuilds. The hash is
 * removed before a build starts and written only after it succeeded with the source unchanged
 * meanwhile, so an interrupted or overtaken build is built again at the next start.
 *
 *   --rebuild    build whatever the hash says
 *   --no-build   never build (tests and benchmarks that built already); builds only if there is
 *                no build at all
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { SOURCE_HASH_FILE, sourceHash, storedHash } from "./source-hash.mjs";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const root = process.cwd();
const hasBuild = existsSync(path.join(root, ".next", "BUILD_ID"));

function build() {
  rmSync(path.join(root, SOURCE_HASH_FILE), { force: true });
  const before = sourceHash(root);
  const run = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
  // Stored only if nothing changed while it built (an edit then may be missing from the build;
  // `next build` itself may also rewrite a file once, tsconfig.json): the next start builds again.
  const after = sourceHash(root);
  if (after.hash !== before.hash) {
    console.log("The source changed while it was building: the next start builds again.");
    return;
  }
  mkdirSync(path.join(root, ".next"), { recursive: true });
  writeFileSync(path.join(root, SOURCE_HASH_FILE), JSON.stringify({ hash: after.hash, files: after.files, source: after.source, builtAt: new Date().toISOString() }) + "\n");
}

if (process.argv.includes("--no-build")) {
  if (!hasBuild) build();
} else if (process.argv.includes("--rebuild") || !hasBuild) {
  console.log(hasBuild ? "Building (--rebuild)." : "No build yet: building.");
  build();
} else {
  const started = Date.now();
  const current = sourceHash(root);
  const stored = storedHash(root);
  if (stored === current.hash) {
    console.log(`Source unchanged since the last build (${current.files} files, hash ${current.hash.slice(0, 12)}, checked in ${Date.now() - started} ms): not rebuilding.`);
  } else {
    console.log(stored ? "Source changed since the last build: building." : "The build has no source hash (built by hand, or interrupted): building.");
    build();
  }
}

// In this process: a signal reaches the server itself, leaving no orphan.
await import("./serve.mjs");
