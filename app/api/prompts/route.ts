import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { listPrompts } from "@/lib/prompts/prompt-service";

export const dynamic = "force-dynamic";

/** The prompt history: `?q=` words that must all appear, `?kind=prompt|negative`, `?limit=` (1–200). */
export const GET = handleRoute(async (req: Request) => NextResponse.json(await listPrompts(new URL(req.url).searchParams)));
