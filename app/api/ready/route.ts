import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readiness } from "@/lib/readiness/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when this instance can serve, else 503 naming what is not ready (lib/readiness). */
export const GET = handleRoute(async (req: Request) => {
  const body = await readiness(req.headers.get("cookie"));
  return NextResponse.json(body, { status: body.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
});
