import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { cancelSweep } from "@/lib/sweeps/sweep-service";

export const dynamic = "force-dynamic";

/** Cancels the sweep's waiting cells; cells the gateway already has finish and are billed. */
export const POST = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await cancelSweep(id));
});
