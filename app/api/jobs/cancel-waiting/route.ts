import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { cancelAllWaiting } from "@/lib/jobs/job-service";

export const dynamic = "force-dynamic";

/** Cancels every waiting run: `{ "cancelled": n }`. */
export const POST = handleRoute(async () => NextResponse.json(await cancelAllWaiting()));
