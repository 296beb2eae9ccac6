import { startOfflineApp } from "./offline-app";

/**
 * The production build of process.cwd() on its own, for the browser benchmarks: offline mode
 * (no API key, the in-process engine), a fresh DATA_DIR, 127.0.0.1 on a free port. Unlike
 * startStack (servers.ts) there is no standalone engine: the pages measured here never reach it.
 * BENCH_APP_URL measures a server that is already running instead (nothing is started then).
 * The one implementation is startOfflineApp (offline-app.ts), with no extra variables.
 */
export interface App {
  url: string;
  stop(): Promise<void>;
}

export async function startApp(label: string): Promise<App> {
  const app = await startOfflineApp(label, {});
  return { url: app.url, stop: app.stop };
}
