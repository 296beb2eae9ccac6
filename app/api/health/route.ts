import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { healthInfo } from "@/lib/readiness/health";

export const dynamic = "force-dynamic";

/**
 * Liveness: 200 as soon as the process answers, from its settings alone (no database, no
 * runtime). Whether it can serve is GET /api/ready (lib/readiness).
 */
export const GET = handleRoute(async () => NextResponse.json(healthInfo(), { headers: { "cache-control": "no-store" } }));
