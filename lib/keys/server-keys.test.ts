import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { secrets } from "@/lib/db/schema";
import { forgetServerKeys, loadServerKeys, SERVER_KEY_NAMES, serverKey, type ServerKeyName } from "@/lib/keys/server-keys";
import { openInstances } from "@/lib/testing/instances";
import { forEachDialect } from "@/lib/testing/test-databases";

/** The server's keys live in the database, created once, the same for every instance. */

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nova-keys-"));
  dirs.push(dir);
  return dir;
};
const loaded = () => new Map(SERVER_KEY_NAMES.map((n) => [n, serverKey(n)]));

afterEach(() => forgetServerKeys());
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it("refuses to sign with keys that were never loaded", () => {
  forgetServerKeys();
  expect(() => serverKey("session")).toThrow(/not loaded/);
});

forEachDialect("server keys", (t) => {
  it("are created once: a second load (a restart, another data folder) gets the same 32-byte keys", async () => {
    await loadServerKeys(t.db, freshDir());
    const first = loaded();
    for (const key of first.values()) expect(key).toHaveLength(32);
    expect(new Set([...first.values()].map((k) => k.toString("hex"))).size, "each name its own key").toBe(3);
    forgetServerKeys();
    await loadServerKeys(t.db, freshDir());
    for (const [name, key] of loaded()) expect(key.equals(first.get(name)!), name).toBe(true);
    expect(await t.db.select().from(secrets)).toHaveLength(3);
  });

  it("instances starting together agree on one key each", async () => {
    const other = await t.create();
    const instances = await openInstances(other, 4);
    try {
      const seen = await Promise.all(
        instances.dbs.map(async (db) => {
          // Each instance settles on its own (as separate processes would), then reads what it holds.
          await loadServerKeys(db, freshDir());
          return loaded();
        }),
      );
      for (const name of SERVER_KEY_NAMES) {
        expect(new Set(seen.map((m) => m.get(name)!.toString("hex"))).size, name).toBe(1);
      }
    } finally {
      await instances.close();
      await other.close();
    }
  });

  it("take in an older install's key files, then remove them; a file that differs from the database is kept and ignored", async () => {
    const other = await t.create();
    try {
      const dir = freshDir();
      mkdirSync(path.join(dir, "secrets"), { recursive: true });
      const old = new Map<ServerKeyName, Buffer>(SERVER_KEY_NAMES.map((n) => [n, randomBytes(32)]));
      for (const [name, key] of old) writeFileSync(path.join(dir, "secrets", `${name}.key`), key);
      await loadServerKeys(other.db, dir);
      for (const [name, key] of old) {
        expect(serverKey(name).equals(key), `${name}: the file's key is kept`).toBe(true);
        expect(existsSync(path.join(dir, "secrets", `${name}.key`)), `${name}: file removed`).toBe(false);
      }

      // Another folder joins the same database with keys of its own: the database wins.
      const second = freshDir();
      mkdirSync(path.join(second, "secrets"), { recursive: true });
      writeFileSync(path.join(second, "secrets", "session.key"), randomBytes(32));
      forgetServerKeys();
      await loadServerKeys(other.db, second);
      expect(serverKey("session").equals(old.get("session")!)).toBe(true);
      expect(existsSync(path.join(second, "secrets", "session.key")), "kept for the owner to look at").toBe(true);
    } finally {
      await other.close();
    }
  });

  it("refuse a damaged key rather than sign with it", async () => {
    const other = await t.create();
    try {
      await other.db.insert(secrets).values({ name: "device", value: "c2hvcnQ" });
      await expect(loadServerKeys(other.db, freshDir())).rejects.toThrow(/"device" is not 32 bytes/);
    } finally {
      await other.close();
    }
  });
});
