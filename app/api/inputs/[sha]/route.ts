import { handleRoute } from "@/lib/http/handle-route";
import { imageResponse } from "@/lib/http/image-response";
import { readInputFile } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_req: Request, ctx: { params: Promise<{ sha: string }> }) => {
  const { sha } = await ctx.params;
  return imageResponse(await readInputFile(sha), false);
});
