import { handleRoute } from "@/lib/http/handle-route";
import { imageResponse } from "@/lib/http/image-response";
import { readImageFile } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  return imageResponse(await readImageFile(id, "thumb"), false);
});
