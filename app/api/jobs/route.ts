import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jobRequestLimit } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { parseLimit } from "@/lib/http/query-params";
import { readRecentJobs, submitJob } from "@/lib/jobs/job-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute({ body: jsonBody(jobRequestLimit()) }, async (_req, _ctx, body) => {
  const job = await submitJob(body.value);
  return NextResponse.json(job, { status: 201, headers: { location: `/api/jobs/${job.id}` } });
});

export const GET = handleRoute(async (req: Request) => {
  const limit = parseLimit(new URL(req.url).searchParams, { fallback: 20, max: 100 });
  return NextResponse.json({ items: await readRecentJobs(limit) });
});
