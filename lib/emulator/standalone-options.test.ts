import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEngine, type EngineHandle } from "@/lib/emulator/server";
import { standaloneEngineOptions } from "@/lib/emulator/standalone-options";
import { readEnv } from "@/lib/env";

/** `npm run engine`: the fault endpoint only with ENGINE_API_KEY, the job folder only with ENGINE_DATA_DIR. */
let engine: EngineHandle | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const envOf = (vars: Record<string, string>) => readEnv({ NODE_ENV: "test", ...vars });
const startFrom = (vars: Record<string, string>) => startEngine({ ...standaloneEngineOptions(envOf(vars)), port: 0 });
const putFaults = (e: EngineHandle, key: string) =>
  fetch(`${e.url}/_engine/faults`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
    body: JSON.stringify({ faults: "" }),
  });

describe("standaloneEngineOptions", () => {
  it("without ENGINE_API_KEY: any key is accepted, and there is no fault endpoint", async () => {
    expect(standaloneEngineOptions(envOf({}))).toMatchObject({ apiKey: undefined, controlEndpoints: false, dataDir: undefined });
    engine = await startFrom({});
    expect((await putFaults(engine, "anything")).status).toBe(404);
  });

  it("with ENGINE_API_KEY: the fault endpoint answers that key only", async () => {
    engine = await startFrom({ ENGINE_API_KEY: "sk-standalone-key" });
    expect((await putFaults(engine, "sk-other")).status).toBe(401);
    expect((await putFaults(engine, "sk-standalone-key")).status).toBe(200);
  });

  it("with ENGINE_DATA_DIR: the jobs are kept in that folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "nova-engine-standalone-"));
    try {
      engine = await startFrom({ ENGINE_DATA_DIR: dir });
      expect((await readdir(dir)).sort()).toEqual(["inputs", "jobs", "url-signing.key"]);
    } finally {
      await engine?.close();
      engine = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });
});
