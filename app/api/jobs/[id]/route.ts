import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readJob } from "@/lib/jobs/job-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await readJob(id));
});
