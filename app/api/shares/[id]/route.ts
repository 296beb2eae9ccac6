import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { editShare, removeShare } from "@/lib/shares/share-service";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = handleRoute(async (req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  return NextResponse.json(await editShare(id, await readJsonBody(req, 64 * 1024)));
});

export const DELETE = handleRoute(async (_req: Request, ctx: Ctx) => {
  const { id } = await ctx.params;
  await removeShare(id);
  return new Response(null, { status: 204 });
});
