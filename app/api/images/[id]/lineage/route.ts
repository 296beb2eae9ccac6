import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readLineage } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

/** The images this one was made from, and those made from it. */
export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await readLineage(id));
});
