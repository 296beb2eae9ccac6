import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { parseLimit } from "@/lib/http/query-params";
import { readRecentJobs, submitJob } from "@/lib/jobs/job-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (req: Request) => {
  const body = await readJsonBody(req, env().MAX_BODY_BYTES);
  const job = await submitJob(body);
  return NextResponse.json(job, { status: 201, headers: { location: `/api/jobs/${job.id}` } });
});

export const GET = handleRoute(async (req: Request) => {
  const limit = parseLimit(new URL(req.url).searchParams, { fallback: 20, max: 100 });
  return NextResponse.json({ items: await readRecentJobs(limit) });
});
