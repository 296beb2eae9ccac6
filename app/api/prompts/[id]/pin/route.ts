import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonBody } from "@/lib/http/read-body";
import { PROMPT_LIMITS } from "@/lib/prompts/prompt-schema";
import { pinPrompt } from "@/lib/prompts/prompt-service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** `{ "pinned": true | false }`: pinned entries list first. */
export const PUT = handleRoute({ body: jsonBody(PROMPT_LIMITS.pinBytesMax) }, async (_req, ctx: Ctx, body) => {
  const { id } = await ctx.params;
  return NextResponse.json(await pinPrompt(id, body.value));
});
