import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jobRequestLimit } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { parseLimit } from "@/lib/http/query-params";
import { readRecentJobs, submitJob } from "@/lib/jobs/job-service";

export const dynamic = "force-dynamic";

/**
 * A new run: 201 with the run (`queued` when the budget had room to send it at once, `waiting`
 * with its place in line otherwise). With an Idempotency-Key already used for the same body in
 * the last 24 hours: 200 with that run, and nothing new is queued or sent.
 */
export const POST = handleRoute({ body: jsonBody(jobRequestLimit()) }, async (req, _ctx, body) => {
  const { job, replayed } = await submitJob(body.value, req.headers.get("idempotency-key"));
  return NextResponse.json(job, { status: replayed ? 200 : 201, headers: { location: `/api/jobs/${job.id}` } });
});

export const GET = handleRoute(async (req: Request) => {
  const limit = parseLimit(new URL(req.url).searchParams, { fallback: 20, max: 100 });
  return NextResponse.json({ items: await readRecentJobs(limit) });
});
