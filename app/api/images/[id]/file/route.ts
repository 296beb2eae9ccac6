import { handleRoute } from "@/lib/http/handle-route";
import { imageResponse } from "@/lib/http/image-response";
import { readImageFile } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const download = new URL(req.url).searchParams.has("download");
  return imageResponse(await readImageFile(id, "file"), download);
});
