import { sharedImageResponse } from "@/lib/shares/share-image-response";

export const dynamic = "force-dynamic";

/** Thumbnail of image n of a share. */
export async function GET(_req: Request, ctx: { params: Promise<{ token: string; n: string }> }) {
  const { token, n } = await ctx.params;
  return sharedImageResponse(token, n, "thumb");
}
