import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { cancelRun } from "@/lib/jobs/job-service";

export const dynamic = "force-dynamic";

/** Cancels a waiting run (never sent, never billed); 409 once the gateway has it. */
export const POST = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await cancelRun(id));
});
