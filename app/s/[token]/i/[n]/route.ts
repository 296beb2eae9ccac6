import { sharedImageResponse } from "@/lib/shares/share-image-response";

export const dynamic = "force-dynamic";

/** Image n of a share, full size (`?download` to save it). */
export async function GET(req: Request, ctx: { params: Promise<{ token: string; n: string }> }) {
  const { token, n } = await ctx.params;
  return sharedImageResponse(token, n, "file", new URL(req.url).searchParams.has("download"));
}
