import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readSweep } from "@/lib/sweeps/sweep-service";

export const dynamic = "force-dynamic";

/** The sweep, its axes, its cells and their runs. */
export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await readSweep(id));
});
