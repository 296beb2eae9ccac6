import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertValidKey } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";

describe("local blob store", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "nova-blobs-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("puts, gets, checks and deletes", async () => {
    const store = createLocalBlobStore(root);
    const key = "outputs/3f2a/0.png";
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    await store.put(key, new Uint8Array([1, 2, 3]));
    expect(await store.has(key)).toBe(true);
    expect(await store.get(key)).toEqual(Buffer.from([1, 2, 3]));
    await store.put(key, Buffer.from("replaced"));
    expect((await store.get(key))?.toString()).toBe("replaced");
    await store.delete(key);
    await store.delete(key); // missing is fine
    expect(await store.has(key)).toBe(false);
    expect(await store.has("outputs/3f2a")).toBe(false); // a folder is not a blob
  });

  it("leaves no temp files behind, even with concurrent writers of one key", async () => {
    const store = createLocalBlobStore(root);
    const payloads = Array.from({ length: 20 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(payloads.map((p) => store.put("race/one.bin", p)));
    const got = await store.get("race/one.bin");
    // Whole-file replacement: the result is exactly one writer's bytes, never a mix.
    expect(payloads.some((p) => p.equals(got!))).toBe(true);
    expect(await readdir(path.join(root, "race"))).toEqual(["one.bin"]);
  });

  it("rejects keys that could leave the folder or collide with temp files", async () => {
    const store = createLocalBlobStore(root);
    const bad = ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a/", "A.png", "a b", ".hidden", "a/.tmp", "a\\b", "é.png", "a/./b"];
    for (const key of bad) {
      expect(() => assertValidKey(key), key).toThrow(/invalid blob key/);
      await expect(store.put(key, new Uint8Array([1])), key).rejects.toThrow(/invalid blob key/);
      await expect(store.get(key), key).rejects.toThrow(/invalid blob key/);
    }
    for (const key of ["a", "outputs/0f/1.png", "thumbs/x_y-z.webp", "inputs/ab.cd.ef"]) {
      expect(() => assertValidKey(key)).not.toThrow();
    }
  });
});
