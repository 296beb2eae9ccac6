import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonBody } from "@/lib/http/read-body";
import { PROMPT_LIMITS } from "@/lib/prompts/prompt-schema";
import { importPrompts } from "@/lib/prompts/prompt-service";

export const dynamic = "force-dynamic";

/** An export of GET /api/prompts/export (up to 8 MB): merged into the history, never replacing it. */
export const POST = handleRoute({ body: jsonBody(PROMPT_LIMITS.importBytesMax) }, async (_req, _ctx, body) =>
  NextResponse.json(await importPrompts(body.value)),
);
