import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { editShare, removeShare } from "@/lib/shares/share-service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = handleRoute({ body: jsonBody(BODY_LIMITS.shareEdit) }, async (_req, ctx: Ctx, body) => {
  const { id } = await ctx.params;
  return NextResponse.json(await editShare(id, body.value));
});

export const DELETE = handleRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await removeShare(id);
  return new Response(null, { status: 204 });
});
