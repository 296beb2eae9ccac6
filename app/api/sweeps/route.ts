import { NextResponse } from "next/server";
import { jobRequestLimit } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseLimit } from "@/lib/http/query-params";
import { jsonBody } from "@/lib/http/read-body";
import { createSweep, readSweeps } from "@/lib/sweeps/sweep-service";

export const dynamic = "force-dynamic";

/**
 * A new sweep: the form's request (`base`, images inline as for POST /api/jobs), up to three axes
 * and the cells to leave out. Every cell is checked first; a refused cell (422, named with its
 * values) or a cap the sweep would pass (402) means nothing runs. 201 with the sweep, its cells
 * `waiting` in the run queue; 200 for a repeated Idempotency-Key with the same body.
 */
export const POST = handleRoute({ body: jsonBody(jobRequestLimit()) }, async (req, _ctx, body) => {
  const { sweep, replayed } = await createSweep(body.value, req.headers.get("idempotency-key"));
  return NextResponse.json(sweep, { status: replayed ? 200 : 201, headers: { location: `/api/sweeps/${sweep.id}` } });
});

/** The newest sweeps with their cells' progress. */
export const GET = handleRoute(async (req: Request) => {
  const limit = parseLimit(new URL(req.url).searchParams, { fallback: 20, max: 100 });
  return NextResponse.json({ items: await readSweeps(limit) });
});
