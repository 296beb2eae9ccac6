import { sharePreviewPng } from "@/lib/shares/share-preview";

export const dynamic = "force-dynamic";

/** The share's unfurl image (og:image, twitter:image). */
export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const png = await sharePreviewPng(token);
  if (!png) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(png), {
    headers: { "content-type": "image/png", "cache-control": "no-store", "x-robots-tag": "noindex" },
  });
}
