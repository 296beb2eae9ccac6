import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertValidKey, type BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { createS3BlobStore } from "@/lib/storage/s3-blob-store";
import { freePort } from "@/lib/testing/free-port";
import { startS3Server, type S3Server } from "@/lib/testing/s3-server";

/**
 * What every BlobStore promises (blob-store.ts), checked against files on disk and against an S3
 * server (s3rver on loopback, started here). A case that passes on one and fails on the other is
 * a difference the app would see only in production.
 */
interface Backend {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A store; stores with different namespaces must not see each other's keys. */
  store(namespace?: string): BlobStore;
  /** A store that records whether it touched its storage at all. */
  watchedStore(): { store: BlobStore; touched(): boolean };
  /** Stores whose checkReady must fail, and words its message must contain. */
  brokenStores(): Promise<{ store: BlobStore; mentions: string[] }[]>;
}

function localBackend(): Backend {
  let root = "";
  return {
    name: "local files",
    async setUp() {
      root = await mkdtemp(path.join(os.tmpdir(), "nova-blobs-"));
    },
    async tearDown() {
      await rm(root, { recursive: true, force: true });
    },
    store: (namespace = "default") => createLocalBlobStore(path.join(root, namespace)),
    watchedStore() {
      const dir = path.join(root, "watched");
      return { store: createLocalBlobStore(dir), touched: () => existsSync(dir) };
    },
    async brokenStores() {
      // A file where the folder should be: it can be neither created nor written.
      const blocker = path.join(root, "not-a-folder");
      await writeFile(blocker, "x");
      return [{ store: createLocalBlobStore(path.join(blocker, "blobs")), mentions: [path.join(blocker, "blobs"), "cannot be written"] }];
    },
  };
}

function s3Backend(): Backend {
  let server: S3Server;
  let client: S3Client;
  const make = (opts: { prefix?: string; bucket?: string; client?: S3Client; endpoint?: string } = {}) =>
    createS3BlobStore({
      bucket: opts.bucket ?? server.bucket,
      endpoint: opts.endpoint ?? server.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      prefix: opts.prefix ?? "",
      client: opts.client ?? client,
    });
  return {
    name: "S3 (s3rver)",
    async setUp() {
      server = await startS3Server();
      client = new S3Client(server.clientConfig);
    },
    async tearDown() {
      client.destroy();
      await server.stop();
    },
    store: (namespace = "default") => make({ prefix: `${namespace}/` }),
    watchedStore() {
      let requests = 0;
      const counting = new S3Client(server.clientConfig);
      counting.middlewareStack.add((next) => (args) => {
        requests++;
        return next(args);
      });
      return { store: make({ client: counting }), touched: () => requests > 0 };
    },
    async brokenStores() {
      const deadEndpoint = `http://127.0.0.1:${await freePort()}`;
      const deadClient = new S3Client({ ...server.clientConfig, endpoint: deadEndpoint, maxAttempts: 1 });
      return [
        { store: make({ bucket: "no-such-bucket" }), mentions: ['"no-such-bucket"', server.endpoint, "does not exist"] },
        { store: make({ client: deadClient, endpoint: deadEndpoint }), mentions: [`"${server.bucket}"`, deadEndpoint, "ECONNREFUSED"] },
      ];
    },
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

const BAD_KEYS = ["", "/etc/passwd", "../x", "a/../../x", "a//b", "a/", "A.png", "a b", ".hidden", "a/.tmp", "a\\b", "é.png", "a/./b", "x".repeat(513)];
const GOOD_KEYS = ["a", "outputs/0f/1.png", "thumbs/x_y-z.webp", "inputs/ab.cd.ef"];

describe.each([localBackend(), s3Backend()])("blob store contract: $name", (backend) => {
  beforeAll(() => backend.setUp());
  afterAll(() => backend.tearDown());

  it("puts, gets, checks and deletes; a missing key is null/false and deleting it is fine", async () => {
    const store = backend.store("crud");
    const key = "outputs/3f2a/0.png";
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
    expect(await store.getStream(key)).toBeNull();
    await store.delete(key);

    await store.put(key, new Uint8Array([1, 2, 3]));
    expect(await store.has(key)).toBe(true);
    expect(await store.get(key)).toEqual(Buffer.from([1, 2, 3]));

    await store.delete(key);
    await store.delete(key);
    expect(await store.has(key)).toBe(false);
    expect(await store.get(key)).toBeNull();
  });

  it("replaces a key's bytes whole, a longer value with a shorter one too", async () => {
    const store = backend.store("replace");
    await store.put("r/one.bin", Buffer.alloc(10_000, 1));
    await store.put("r/one.bin", Buffer.from("short"));
    expect((await store.get("r/one.bin"))?.toString()).toBe("short");
    const streamed = await store.getStream("r/one.bin");
    expect(streamed?.size).toBe(5);
    expect((await readAll(streamed!.body)).toString()).toBe("short");
  });

  it("ends with exactly one writer's bytes when writers of one key race", async () => {
    const store = backend.store("race");
    const payloads = Array.from({ length: 12 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(payloads.map((p) => store.put("race/one.bin", p)));
    const got = await store.get("race/one.bin");
    expect(payloads.some((p) => p.equals(got!))).toBe(true);
  });

  it("refuses invalid keys before touching storage", async () => {
    const { store, touched } = backend.watchedStore();
    for (const key of BAD_KEYS) {
      expect(() => assertValidKey(key), key).toThrow(/invalid blob key/);
      await expect(store.put(key, new Uint8Array([1])), key).rejects.toThrow(/invalid blob key/);
      await expect(store.get(key), key).rejects.toThrow(/invalid blob key/);
      await expect(store.getStream(key), key).rejects.toThrow(/invalid blob key/);
      await expect(store.has(key), key).rejects.toThrow(/invalid blob key/);
      await expect(store.delete(key), key).rejects.toThrow(/invalid blob key/);
    }
    expect(touched()).toBe(false);
    for (const key of GOOD_KEYS) expect(() => assertValidKey(key), key).not.toThrow();
  });

  it("does not take a folder-like prefix of stored keys for a blob", async () => {
    const store = backend.store("folders");
    await store.put("outputs/3f2a/0.png", new Uint8Array([1]));
    expect(await store.has("outputs/3f2a")).toBe(false);
    expect(await store.get("outputs/3f2a")).toBeNull();
    expect(await store.getStream("outputs/3f2a")).toBeNull();
    await store.delete("outputs/3f2a");
    expect(await store.has("outputs/3f2a/0.png")).toBe(true);
    // …nor a path below a blob.
    expect(await store.has("outputs/3f2a/0.png/x")).toBe(false);
    expect(await store.get("outputs/3f2a/0.png/x")).toBeNull();
    expect(await store.getStream("outputs/3f2a/0.png/x")).toBeNull();
    await store.delete("outputs/3f2a/0.png/x");
  });

  it("round-trips binary bytes exactly, through get and getStream, up to 5 MB", async () => {
    const store = backend.store("binary");
    const everyByte = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));
    // Random bytes: framing (aws-chunked) or a text decoding anywhere on the way would show.
    const big = randomBytes(5 * 1024 * 1024);
    for (const [key, bytes] of [["bin/every-byte.bin", everyByte], ["bin/big.bin", big], ["bin/empty.bin", Buffer.alloc(0)]] as const) {
      await store.put(key, bytes);
      expect((await store.get(key))!.equals(bytes), key).toBe(true);
      const streamed = await store.getStream(key);
      expect(streamed?.size, key).toBe(bytes.length);
      expect((await readAll(streamed!.body)).equals(bytes), key).toBe(true);
    }
  });

  it("streams a value that can be cancelled midway, and the store keeps working", async () => {
    const store = backend.store("cancel");
    await store.put("c/big.bin", randomBytes(2 * 1024 * 1024));
    const streamed = await store.getStream("c/big.bin");
    const reader = streamed!.body.getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    await store.put("c/big.bin", Buffer.from("after"));
    expect((await store.get("c/big.bin"))?.toString()).toBe("after");
  });

  it("keeps stores with different namespaces apart", async () => {
    const a = backend.store("ns-a");
    const b = backend.store("ns-b");
    await a.put("same/key.png", Buffer.from("a"));
    expect(await b.has("same/key.png")).toBe(false);
    expect(await b.get("same/key.png")).toBeNull();
    await b.put("same/key.png", Buffer.from("b"));
    await b.delete("same/key.png");
    expect((await a.get("same/key.png"))?.toString()).toBe("a");
  });

  it("is ready when its storage is usable, and says what is wrong when it is not", async () => {
    await backend.store("ready").checkReady();
    const broken = await backend.brokenStores();
    for (const { store, mentions } of broken) {
      const err = await store.checkReady().then(() => null, (e: unknown) => e as Error);
      expect(err, mentions.join(" ")).toBeInstanceOf(Error);
      for (const word of mentions) expect(err!.message).toContain(word);
    }
  });
});

describe("S3 blob store specifics", () => {
  let server: S3Server;
  let client: S3Client;
  beforeAll(async () => {
    server = await startS3Server();
    client = new S3Client(server.clientConfig);
  });
  afterAll(async () => {
    client.destroy();
    await server.stop();
  });
  const store = (prefix: string, c = client) =>
    createS3BlobStore({ bucket: server.bucket, endpoint: server.endpoint, region: "us-east-1", forcePathStyle: true, prefix, client: c });

  it("stores a key under the prefix, and a store without it sees the prefixed name only", async () => {
    await store("install-a/").put("outputs/j/0.png", Buffer.from("png"));
    const raw = await client.send(new GetObjectCommand({ Bucket: server.bucket, Key: "install-a/outputs/j/0.png" }));
    expect(await raw.Body!.transformToString()).toBe("png");
    expect(await store("").has("outputs/j/0.png")).toBe(false);
    expect(await store("").has("install-a/outputs/j/0.png")).toBe(true);
    expect(await store("install-b/").has("outputs/j/0.png")).toBe(false);
  });

  it("refuses a prefix that is not a key path ending in /", () => {
    for (const prefix of ["a", "/a/", "../", "A/", "a//"]) expect(() => store(prefix), prefix).toThrow(/invalid S3 key prefix/);
  });

  it("never puts credentials in its errors, even when the server refuses them", async () => {
    const accessKeyId = "AKIAEXAMPLEWRONGKEY1";
    const secretAccessKey = "wrong-secret-Zx81/kQ+never-shown";
    const wrongClient = new S3Client({ ...server.clientConfig, credentials: { accessKeyId, secretAccessKey } });
    const s = store("", wrongClient);
    const errors = await Promise.all([
      s.checkReady().catch((e: unknown) => e),
      s.get("a.png").catch((e: unknown) => e),
      s.put("a.png", Buffer.from("x")).catch((e: unknown) => e),
    ]);
    wrongClient.destroy();
    for (const err of errors) {
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).cause).toBeUndefined();
      const everything = `${inspect(err, { depth: 10, showHidden: true })} ${JSON.stringify(err)}`;
      expect(everything).not.toContain(accessKeyId);
      expect(everything).not.toContain(secretAccessKey);
    }
    expect((errors[0] as Error).message).toMatch(/access denied \(403\)/);

    // A password in the endpoint URL is not repeated either.
    const port = await freePort();
    const withPassword = createS3BlobStore({
      bucket: server.bucket, endpoint: `http://user:hunter2-pw@127.0.0.1:${port}`, region: "us-east-1", forcePathStyle: true, prefix: "",
      client: new S3Client({ ...server.clientConfig, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 }),
    });
    const message = await withPassword.checkReady().then(() => "", (e: Error) => e.message);
    expect(message).toContain(`http://127.0.0.1:${port}`);
    expect(message).not.toContain("hunter2-pw");
    expect((errors[1] as Error).message).toMatch(/^S3 get of "a.png" failed: InvalidAccessKeyId \(403\)/);
  });
});

describe("local blob store specifics", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "nova-blobs-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("leaves no temp files behind, even with concurrent writers of one key", async () => {
    const store = createLocalBlobStore(root);
    const payloads = Array.from({ length: 20 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(payloads.map((p) => store.put("race/one.bin", p)));
    expect(await readdir(path.join(root, "race"))).toEqual(["one.bin"]);
  });

  it("streams the file it opened even when a put replaces it meanwhile", async () => {
    const store = createLocalBlobStore(root);
    const before = randomBytes(256 * 1024);
    await store.put("swap/one.bin", before);
    const streamed = await store.getStream("swap/one.bin");
    await store.put("swap/one.bin", Buffer.from("new"));
    expect(streamed?.size).toBe(before.length);
    expect((await readAll(streamed!.body)).equals(before)).toBe(true);
  });
});
