import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { ApiReadiness } from "@/lib/api-types";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { startSession } from "@/lib/auth/session-store";
import { forPglite } from "@/lib/testing/test-databases";
import { setTestEnv } from "@/lib/testing/test-env";
import { GET as health } from "../health/route";
import { GET } from "./route";

/**
 * GET /api/ready through its real handler on a real database: 200 `{ ready: true }` when every
 * check passes; otherwise 503 naming each check that failed, with why only for the owner (no
 * password, or a live session), and never a secret or a URL's credentials.
 */
const holder = vi.hoisted(() => ({
  db: undefined as unknown,
  dbError: undefined as Error | undefined,
  storeError: undefined as Error | undefined,
  runtime: "booted" as "booted" | "booting" | "not started",
  boots: 0,
  stopping: false,
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => {
    if (holder.dbError) throw holder.dbError;
    return holder.db;
  },
}));
vi.mock("@/lib/storage", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/storage")>()),
  getBlobStore: () => ({
    checkReady: async () => {
      if (holder.storeError) throw holder.storeError;
    },
  }),
}));
vi.mock("@/lib/jobs/runtime-state", () => ({ runtimeState: () => holder.runtime }));
vi.mock("@/lib/jobs/runtime", () => ({
  getRuntime: async () => {
    holder.boots += 1;
    throw new Error("still broken");
  },
}));
vi.mock("@/lib/lifecycle/shutdown", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/lifecycle/shutdown")>()),
  isShuttingDown: () => holder.stopping,
}));

const ORIGIN = "http://127.0.0.1:3000";
const KEY = "sk-ready-test-0123456789abcdef";
const PASSWORD = "ready test password";

async function ready(cookie?: string): Promise<{ status: number; body: ApiReadiness; headers: Headers }> {
  const res = await GET(new Request(`${ORIGIN}/api/ready`, { headers: { host: "127.0.0.1:3000", ...(cookie ? { cookie } : {}) } }), {});
  return { status: res.status, body: (await res.json()) as ApiReadiness, headers: res.headers };
}

let restoreEnv: () => void;
beforeEach(() => {
  restoreEnv = setTestEnv({ PLAYGROUND_PASSWORD: undefined, ALLOWED_HOSTS: undefined, EMPIRIOLABS_API_KEY: KEY });
  Object.assign(holder, { dbError: undefined, storeError: undefined, runtime: "booted", boots: 0, stopping: false });
});
afterEach(() => {
  vi.restoreAllMocks();
  restoreEnv();
});

let emptyMigrations: string;
beforeAll(async () => {
  emptyMigrations = await mkdtemp(path.join(os.tmpdir(), "nova-ready-"));
  await mkdir(path.join(emptyMigrations, "meta"));
  await writeFile(path.join(emptyMigrations, "meta", "_journal.json"), JSON.stringify({ version: "7", dialect: "postgresql", entries: [] }));
});
afterAll(async () => {
  await rm(emptyMigrations, { recursive: true, force: true });
});

forPglite("GET /api/ready", (t) => {
  beforeEach(() => {
    holder.db = t.db;
  });

  it("answers 200 { ready: true } when the database, its migrations, the storage and the runtime are up; never cached", async () => {
    const { status, body, headers } = await ready();
    expect(status).toBe(200);
    expect(body).toEqual({ ready: true });
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("x-request-id")).toBeTruthy();
  });

  it("names each failed check; the owner also gets why, without secrets or a URL's credentials", async () => {
    holder.dbError = new Error(`connect ECONNREFUSED to postgres://app:hunter2@db.internal:5432/nova`);
    holder.storeError = new Error(`the bucket refused key ${KEY} at https://AKIA123:s3cr3t@s3.example.com/b`);
    holder.runtime = "booting";
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.ready).toBe(false);
    expect(body.reasons).toHaveLength(3);
    const [database, storage, runtime] = body.reasons!;
    expect(database).toMatch(/^database: not answering \(connect ECONNREFUSED to postgres:\/\/\*\*\*@db\.internal:5432\/nova\)$/);
    expect(storage).toMatch(/^storage: not ready \(the bucket refused key \[redacted\] at https:\/\/\*\*\*@s3\.example\.com\/b\)$/);
    expect(runtime).toBe("runtime: starting");
    const text = JSON.stringify(body);
    for (const secret of ["hunter2", "s3cr3t", "AKIA123", KEY]) expect(text).not.toContain(secret);
  });

  it("with a password, a visitor learns only what failed; a signed-in owner learns why", async () => {
    restoreEnv();
    restoreEnv = setTestEnv({ PLAYGROUND_PASSWORD: PASSWORD, ALLOWED_HOSTS: undefined, EMPIRIOLABS_API_KEY: KEY });
    holder.storeError = new Error("the image folder /srv/nova/blobs cannot be written (EACCES)");
    expect((await ready()).body).toEqual({ ready: false, reasons: ["storage: not ready"] });
    expect((await ready(`${SESSION_COOKIE}=forged.value`)).body).toEqual({ ready: false, reasons: ["storage: not ready"] });
    const { value } = await startSession(PASSWORD);
    const owner = await ready(`${SESSION_COOKIE}=${value}`);
    expect(owner.status).toBe(503);
    expect(owner.body.reasons).toEqual(["storage: not ready (the image folder /srv/nova/blobs cannot be written (EACCES))"]);
  });

  it("names the migrations this build ships that the database lacks", async () => {
    const bare = await t.create({ migrationsFolder: emptyMigrations });
    try {
      holder.db = bare.db;
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.reasons).toHaveLength(1);
      expect(body.reasons![0]).toMatch(/^migrations: (\d+) of \1 not applied \(0000_[a-z_]+, /);
    } finally {
      await bare.close();
    }
  });

  it("a runtime whose boot failed is tried again by each probe", async () => {
    // Each retry logs its failure: not this test's output.
    vi.spyOn(process.stderr, "write").mockReturnValue(true);
    holder.runtime = "not started";
    expect((await ready()).body).toEqual({ ready: false, reasons: ["runtime: not started"] });
    await ready();
    // The boot is started, not awaited, by the probe (its code is imported on demand).
    await vi.waitFor(() => expect(holder.boots).toBe(2));
  });

  it("with the database down, health still answers at once (no keys, no session needed), with a password too", async () => {
    restoreEnv();
    restoreEnv = setTestEnv({ PLAYGROUND_PASSWORD: PASSWORD, ALLOWED_HOSTS: undefined, EMPIRIOLABS_API_KEY: KEY, DATABASE_URL: undefined });
    holder.dbError = new Error("connect ECONNREFUSED");
    const res = await health(new Request(`${ORIGIN}/api/health`, { headers: { host: "127.0.0.1:3000" } }), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "pglite", upstream: "gateway" });
    expect((await ready()).body).toEqual({ ready: false, reasons: ["database: not answering"] });
  });

  it("says so while the process shuts down, without checking anything else", async () => {
    holder.stopping = true;
    holder.dbError = new Error("closed");
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body).toEqual({ ready: false, reasons: ["shutting down"] });
  });
});
