import { parseImageIds } from "@/lib/gallery/image-ids";
import { zipImages } from "@/lib/gallery/zip-export";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonOrFormBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/**
 * A ZIP of the chosen images plus images.json. JSON `{ "imageIds": [...] }`, or a plain form
 * post with `imageIds=a,b,c` (the gallery uses a form, so the browser downloads it natively).
 */
export const POST = handleRoute({ body: jsonOrFormBody(1024 * 1024) }, async (_req, _ctx, body) => {
  const raw = body.type === "json" ? (body.value as { imageIds?: unknown } | null)?.imageIds : body.value.get("imageIds");
  const { stream, name } = await zipImages(parseImageIds(raw));
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
