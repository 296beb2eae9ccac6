import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseBodyValue } from "@/lib/http/parse-body";
import { getRuntime } from "./runtime";

/**
 * The reference of bench/submit-cpu.ts: a route of the same build that only forwards its body to
 * the engine, so "app CPU per submit" can be read as a ratio to what the server, Next.js and the
 * guard cost anyway (DESIGN.md §5). It answers 404 unless BENCH_BARE_ROUTE is set, which only
 * that bench does; on, it sends the JSON object it was given as one submit, outside the request
 * budget (`prepaid`), with no validation, database or queue, and answers the engine's job id.
 */
const bareSubmitBody = z.record(z.string(), z.unknown());

export async function bareSubmit(body: unknown): Promise<{ upstreamJobId: string }> {
  if (!env().BENCH_BARE_ROUTE) throw new AppError("not_found", "No such route.");
  const payload = parseBodyValue(bareSubmitBody, body);
  const rt = await getRuntime();
  const { jobId } = await rt.client.submit(payload, { prepaid: true });
  return { upstreamJobId: jobId };
}
