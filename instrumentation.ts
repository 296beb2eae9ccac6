/**
 * Runs once when the Next.js server starts: boots the database, the upstream (starting the
 * offline engine when no API key is set) and the job tracker, so jobs left unfinished by a
 * previous process resume at once rather than on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getRuntime } = await import("@/lib/jobs/runtime");
  await getRuntime();
}
