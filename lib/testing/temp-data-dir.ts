import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { forgetServerKeys, setServerKeysForTests } from "@/lib/keys/server-keys";

/**
 * Points DATA_DIR at a fresh temporary folder for the test file, as a new install: the blob store
 * follows it and the server's keys are new (lib/keys); everything is put back (and the folder
 * removed) afterwards.
 */
export function withTempDataDir(label: string): void {
  const g = globalThis as { __novaBlobStore?: unknown };
  const originalDataDir = process.env.DATA_DIR;
  let dataDir = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), `nova-${label}-`));
    process.env.DATA_DIR = dataDir;
    resetEnvForTests();
    setServerKeysForTests();
    delete g.__novaBlobStore;
  });
  afterAll(async () => {
    forgetServerKeys();
    delete g.__novaBlobStore;
    if (originalDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = originalDataDir;
    resetEnvForTests();
    await rm(dataDir, { recursive: true, force: true });
  });
}
