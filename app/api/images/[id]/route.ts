import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { updateImage } from "@/lib/jobs/gallery-service";

export const dynamic = "force-dynamic";

/** `{ "favorite": true | false }`. */
export const PATCH = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return NextResponse.json(await updateImage(id, await readJsonBody(req, 4096)));
});
