import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { updateImage } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

/** `{ "favorite": true | false }`. */
export const PATCH = handleRoute({ body: jsonBody(BODY_LIMITS.imageEdit) }, async (_req, ctx: { params: Promise<{ id: string }> }, body) => {
  const { id } = await ctx.params;
  return NextResponse.json(await updateImage(id, body.value));
});
