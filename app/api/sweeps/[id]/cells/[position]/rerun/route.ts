import { NextResponse } from "next/server";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-body";
import { jsonBody } from "@/lib/http/read-body";
import { rerunCellBody } from "@/lib/sweeps/sweep-schemas";
import { rerunSweepCell } from "@/lib/sweeps/sweep-service";

export const dynamic = "force-dynamic";

/** One cell's run again (a failed or blocked cell); 201 with the new run, which the cell now shows. */
export const POST = handleRoute(
  { body: jsonBody(BODY_LIMITS.sweepRerun) },
  async (_req, ctx: { params: Promise<{ id: string; position: string }> }, body) => {
    const { id, position } = await ctx.params;
    const { newSeed } = parseBody(rerunCellBody, body);
    const job = await rerunSweepCell(id, position, newSeed ?? false);
    return NextResponse.json(job, { status: 201, headers: { location: `/api/jobs/${job.id}` } });
  },
);
