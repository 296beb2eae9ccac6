import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readSpend } from "@/lib/spend/spend-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async () => NextResponse.json(await readSpend()));
