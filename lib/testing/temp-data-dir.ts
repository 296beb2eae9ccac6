import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { forgetDataSecrets } from "@/lib/secrets/data-secret";

/**
 * Points DATA_DIR at a fresh temporary folder for the test file: the blob store and the keys in
 * secrets/ follow it, and everything is put back (and the folder removed) afterwards.
 */
export function withTempDataDir(label: string): void {
  const g = globalThis as { __novaBlobStore?: unknown };
  const originalDataDir = process.env.DATA_DIR;
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), `nova-${label}-`));
    process.env.DATA_DIR = dataDir;
    resetEnvForTests();
    forgetDataSecrets();
    delete g.__novaBlobStore;
  });
  afterAll(async () => {
    forgetDataSecrets();
    delete g.__novaBlobStore;
    if (originalDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = originalDataDir;
    resetEnvForTests();
    await rm(dataDir, { recursive: true, force: true });
  });
}
