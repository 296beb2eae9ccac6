import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { revokeShare } from "@/lib/shares/share-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await revokeShare(id));
});
