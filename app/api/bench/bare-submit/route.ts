import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jobRequestLimit } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { bareSubmit } from "@/lib/jobs/bare-submit";

export const dynamic = "force-dynamic";

/**
 * Benchmarks only (lib/jobs/bare-submit.ts): 404 unless the server was started with
 * BENCH_BARE_ROUTE; then the body goes to the engine as it came, and the answer is its job id.
 */
export const POST = handleRoute({ body: jsonBody(jobRequestLimit()) }, async (_req, _ctx, body) => {
  return NextResponse.json(await bareSubmit(body.value), { status: 201 });
});
