import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readOfferedModels } from "@/lib/jobs/offered-models-api";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => NextResponse.json({ models: await readOfferedModels() }));
