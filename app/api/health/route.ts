import { NextResponse } from "next/server";
import type { HealthInfo } from "@/lib/api-types";
import { getDbInfo } from "@/lib/db/client";
import { handleRoute } from "@/lib/http/handle-route";
import { getRuntime } from "@/lib/jobs/runtime";

export const dynamic = "force-dynamic";

/** Readiness: answers 200 only once the database (migrations applied) and upstream are up. */
export const GET = handleRoute(async () => {
  const rt = await getRuntime();
  const { dialect } = await getDbInfo();
  const body: HealthInfo = { ok: true, database: dialect, upstream: rt.upstream };
  return NextResponse.json(body, { headers: { "cache-control": "no-store" } });
});
