#!/usr/bin/env node
/**
 * Creates a new, empty PGlite database in the folder given (argv[2]), with the start parameters
 * given as JSON (argv[3]), and stops it cleanly. lib/db/pglite-cluster.ts runs this in a process of
 * its own the first time the app opens a data folder: PGlite creates a database by running a
 * second, in-memory Postgres for initdb and copying its files over as a tarball, and the memory
 * that takes (over 150 MiB, mostly left in the heap after it is freed) then goes back to the
 * system when this process ends instead of staying in the app server for good.
 */
import { PGlite } from "@electric-sql/pglite";

const [dir, params] = process.argv.slice(2);
if (!dir || !params) {
  console.error("usage: node scripts/pglite-initdb.mjs <folder> <start parameters as JSON>");
  process.exit(2);
}
const pg = new PGlite(dir, { startParams: JSON.parse(params) });
await pg.waitReady;
await pg.close();
