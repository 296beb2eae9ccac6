import { handleRoute } from "@/lib/http/handle-route";
import { sweepContactSheet } from "@/lib/sweeps/sweep-sheet";

export const dynamic = "force-dynamic";

/** The sweep as one PNG contact sheet (axis labels, images, shared parameters in a footer); `?download` saves it. */
export const GET = handleRoute(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const { png, fileName } = await sweepContactSheet(id);
  const download = new URL(req.url).searchParams.has("download");
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "content-length": String(png.length),
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
