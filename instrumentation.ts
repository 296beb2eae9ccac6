/**
 * Runs once when the Next.js server starts: secures the data folder (modes, umask, interrupted
 * writes), then boots the database, the upstream (starting the offline engine when no API key
 * is set) and the job tracker, so jobs left unfinished by a previous process resume at once
 * rather than on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { log } = await import("@/lib/log");
  const { prepareDataDir } = await import("@/lib/storage/data-dir");
  const e = env();
  const report = await prepareDataDir(e.DATA_DIR, { shared: e.DATABASE_URL !== undefined });
  if (report.tightened > 0 || report.sweptTempFiles > 0) log("info", "data_dir.prepared", { ...report });
  const { getRuntime } = await import("@/lib/jobs/runtime");
  await getRuntime();
}
