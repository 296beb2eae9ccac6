import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { MIGRATIONS_FOLDER } from "@/lib/testing/test-databases";
import { ensurePgliteCluster } from "./pglite-cluster";

/**
 * A new embedded database is made by initdb in a process of its own and moved into place whole
 * (pglite-cluster.ts); the app's PGlite runs with the small shared_buffers set there.
 */
describe("the embedded database's folder and settings", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "nova-cluster-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("makes a database in an empty folder, leaving no staging folder behind", async () => {
    const target = path.join(dir, "fresh");
    await mkdir(target);
    await ensurePgliteCluster(target);
    expect(existsSync(path.join(target, "PG_VERSION"))).toBe(true);
    expect(await readdir(dir)).toEqual(["fresh"]);
    // Already a database: nothing to do.
    const entries = await readdir(target);
    await ensurePgliteCluster(target);
    expect(await readdir(target)).toEqual(entries);
  });

  it("leaves a folder that holds something else to PGlite, untouched", async () => {
    const target = path.join(dir, "other");
    await mkdir(target);
    await writeFile(path.join(target, "note.txt"), "mine");
    await ensurePgliteCluster(target);
    expect(await readdir(target)).toEqual(["note.txt"]);
  });

  it("opens the app's database with 8MB of shared buffers", async () => {
    const handle = await createDatabase({ dataDir: path.join(dir, "app"), migrationsFolder: MIGRATIONS_FOLDER });
    try {
      const { rows } = await handle.db.execute<{ shared_buffers: string }>(sql`show shared_buffers`);
      expect(rows[0].shared_buffers).toBe("8MB");
    } finally {
      await handle.close();
    }
  });
});
