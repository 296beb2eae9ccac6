/**
 * Runs once when the Next.js server starts: secures the data folder (modes, umask, interrupted
 * writes), takes the stop signals unless scripts/serve.mjs does (lib/lifecycle/shutdown.ts), and
 * starts booting the database, the upstream (the offline engine when no API key is set) and the
 * job tracker, so jobs left unfinished by a previous process resume at once rather than on the
 * first request. The boot is not awaited: Next serves nothing until this returns, and
 * GET /api/health must answer while the database is still opening; GET /api/ready says when the
 * boot is done (a request that needs the runtime waits for it).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { log } = await import("@/lib/log");
  const { prepareDataDir } = await import("@/lib/storage/data-dir");
  const e = env();
  const report = await prepareDataDir(e.DATA_DIR, { shared: e.DATABASE_URL !== undefined });
  if (report.tightened > 0 || report.sweptTempFiles > 0) log("info", "data_dir.prepared", { ...report });
  const { installSignalHandlers } = await import("@/lib/lifecycle/shutdown");
  installSignalHandlers();
  // The database first, before the runtime's code is even loaded: PGlite reads its files and
  // compiles its WebAssembly off the main thread meanwhile (a restart is ready sooner).
  const { getDb } = await import("@/lib/db/client");
  getDb().catch(() => undefined);
  const { getRuntime } = await import("@/lib/jobs/runtime");
  // Failures are retried by the next request or readiness probe that needs the runtime.
  getRuntime().catch((error) => log("error", "runtime.boot_failed", { error }));
}
