import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "@playwright/test";
import { startAppServer, type AppServer } from "./app-server";
import { WAIT } from "./env";

/**
 * For a spec file whose tests share an offline app server of their own (their own limits in
 * `env`): started on a fresh data folder before the file's first test, killed and its folder
 * removed after the last, and made the tests' baseURL. Call it at the top of the file. Each
 * `--repeat-each` repetition runs in a new worker, so it gets a new server too.
 */
export function runOwnServerForFile(port: number, label: string, env: Record<string, string>): { url: string } {
  const url = `http://127.0.0.1:${port}`;
  let server: AppServer | undefined;
  let dataDir = "";
  test.use({ baseURL: url });
  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), `nova-e2e-${label}-`));
    server = await startAppServer({
      port,
      // No gateway key, no PostgreSQL: the built-in engine and PGlite in the fresh folder.
      env: { DATA_DIR: dataDir, EMPIRIOLABS_API_KEY: "", ENGINE_API_KEY: "", DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
      timeoutMs: WAIT.serverStart,
    });
  });
  test.afterAll(async () => {
    await server?.kill();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return { url };
}
