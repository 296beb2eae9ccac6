import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests run against production builds (`next build` runs first in `npm test`):
 * - "offline": the app on embedded defaults (PGlite, in-process offline engine);
 * - "gateway": the app with an API key, pointed at a standalone engine that requires exactly
 *   that key, so the tests can check the key never reaches the browser;
 * - "password": the app with PLAYGROUND_PASSWORD, for sign-in and what visitors can reach.
 * Each server gets its own fresh data folder. Chromium is Debian's unless CHROMIUM_PATH says
 * otherwise; set PW_BUNDLED_CHROMIUM=1 on a machine with Playwright's own browser.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const useBundled = process.env.PW_BUNDLED_CHROMIUM === "1";

/** Debian's Chromium in a container: no sandbox, no GPU, nothing fetched in the background. Shared with bench/. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

export const E2E = {
  offlineUrl: "http://127.0.0.1:3100",
  gatewayUrl: "http://127.0.0.1:3101",
  engineUrl: "http://127.0.0.1:4110",
  /** The app with PLAYGROUND_PASSWORD set (sign-in, sessions, shares for visitors). */
  passwordUrl: "http://127.0.0.1:3104",
  password: "e2e correct horse battery staple",
  secretKey: "sk-empiriolabs-e2e-7f3a9c1d5b2e8f40",
};

const next = "node node_modules/next/dist/bin/next start -H 127.0.0.1";
const fresh = (dir: string) => `rm -rf ${dir} && mkdir -p ${dir}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E.offlineUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      ...(useBundled ? {} : { executablePath: chromiumPath }),
      args: [...CHROMIUM_ARGS],
    },
  },
  webServer: [
    {
      command: `${fresh("data/e2e-offline")} && ${next} -p 3100`,
      url: `${E2E.offlineUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { DATA_DIR: "data/e2e-offline", ENGINE_LATENCY_MS: "1500-2500", EMPIRIOLABS_API_KEY: "", LOG_LEVEL: "warn" },
    },
    {
      command: "node node_modules/tsx/dist/cli.mjs --conditions=react-server lib/emulator/main.ts",
      url: `${E2E.engineUrl}/_engine/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { ENGINE_PORT: "4110", ENGINE_API_KEY: E2E.secretKey, ENGINE_LATENCY_MS: "800-1200" },
    },
    {
      command: `${fresh("data/e2e-gateway")} && ${next} -p 3101`,
      url: `${E2E.gatewayUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        DATA_DIR: "data/e2e-gateway",
        EMPIRIOLABS_API_KEY: E2E.secretKey,
        EMPIRIOLABS_BASE_URL: E2E.engineUrl,
        LOG_LEVEL: "warn",
      },
    },
    {
      command: `${fresh("data/e2e-password")} && ${next} -p 3104`,
      url: `${E2E.passwordUrl}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { DATA_DIR: "data/e2e-password", PLAYGROUND_PASSWORD: E2E.password, ENGINE_LATENCY_MS: "300-600", EMPIRIOLABS_API_KEY: "", LOG_LEVEL: "warn" },
    },
  ],
});
