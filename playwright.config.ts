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

/**
 * Every port of a run derives from E2E_PORT_BASE (default 3100), so two checkouts can run their
 * browser tests side by side on one machine (each with its own base).
 */
const BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
const PORTS = {
  offline: BASE,
  gateway: BASE + 1,
  /** Specs that start their own app server (restart, gallery-scale, security) take these. */
  restart: BASE + 2,
  password: BASE + 4,
  scale: BASE + 5,
  ownServers: [BASE + 6, BASE + 7, BASE + 8, BASE + 9, BASE + 10, BASE + 11, BASE + 12, BASE + 13],
  engine: BASE + 1010,
};
const local = (port: number) => `http://127.0.0.1:${port}`;

export const E2E = {
  ports: PORTS,
  offlineUrl: local(PORTS.offline),
  gatewayUrl: local(PORTS.gateway),
  engineUrl: local(PORTS.engine),
  /** The app with PLAYGROUND_PASSWORD set (sign-in, sessions, shares for visitors). */
  passwordUrl: local(PORTS.password),
  password: "e2e correct horse battery staple",
  secretKey: "sk-empiriolabs-e2e-7f3a9c1d5b2e8f40",
};

/** What `npm start` serves, without the build step (`npm test` builds first). */
const serve = (port: number) => `HOST=127.0.0.1 PORT=${port} node scripts/serve.mjs`;
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
      command: `${fresh("data/e2e-offline")} && ${serve(PORTS.offline)}`,
      url: `${E2E.offlineUrl}/api/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      // The suite runs jobs faster than a person (tasks.spec then zip.spec make 50+ requests in a
      // minute), so this server plays an account with a 600-a-minute limit (engine and budget
      // alike): the suite's own pace must not decide its results. The 50-a-minute queue is tested
      // on servers of its own (e2e/run-queue.spec.ts, bench/budget-queue.ts).
      env: {
        DATA_DIR: "data/e2e-offline",
        ENGINE_LATENCY_MS: "1500-2500",
        ENGINE_RATE_LIMIT_PER_MIN: "600",
        UPSTREAM_RPM: "600",
        EMPIRIOLABS_API_KEY: "",
        LOG_LEVEL: "warn",
      },
    },
    {
      command: "node node_modules/tsx/dist/cli.mjs --conditions=react-server lib/emulator/main.ts",
      url: `${E2E.engineUrl}/_engine/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      // ENGINE_ALLOW_PRIVATE_URLS: copy-request.spec.ts has this engine fetch the playground's own
      // loopback URLs, as the real gateway would fetch public ones. The app's own engine never may.
      env: { ENGINE_PORT: String(PORTS.engine), ENGINE_API_KEY: E2E.secretKey, ENGINE_LATENCY_MS: "800-1200", ENGINE_ALLOW_PRIVATE_URLS: "1" },
    },
    {
      command: `${fresh("data/e2e-gateway")} && ${serve(PORTS.gateway)}`,
      url: `${E2E.gatewayUrl}/api/ready`,
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
      command: `${fresh("data/e2e-password")} && ${serve(PORTS.password)}`,
      url: `${E2E.passwordUrl}/api/ready`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { DATA_DIR: "data/e2e-password", PLAYGROUND_PASSWORD: E2E.password, ENGINE_LATENCY_MS: "300-600", EMPIRIOLABS_API_KEY: "", LOG_LEVEL: "warn" },
    },
  ],
});
