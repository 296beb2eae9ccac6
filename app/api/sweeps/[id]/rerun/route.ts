import { NextResponse } from "next/server";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-body";
import { jsonBody } from "@/lib/http/read-body";
import { rerunSweepBody } from "@/lib/sweeps/sweep-schemas";
import { rerunSweep } from "@/lib/sweeps/sweep-service";

export const dynamic = "force-dynamic";

/** The sweep again as a new sweep with another seed (`{ seed }`, or one drawn); 201 with it. */
export const POST = handleRoute({ body: jsonBody(BODY_LIMITS.sweepRerun) }, async (_req, ctx: { params: Promise<{ id: string }> }, body) => {
  const { id } = await ctx.params;
  const { seed } = parseBody(rerunSweepBody, body);
  const sweep = await rerunSweep(id, seed);
  return NextResponse.json(sweep, { status: 201, headers: { location: `/api/sweeps/${sweep.id}` } });
});
