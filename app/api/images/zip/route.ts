import { imageIdsBody } from "@/lib/gallery/image-ids";
import { zipImages } from "@/lib/gallery/zip-export";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-body";
import { jsonOrFormBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/**
 * A ZIP of the chosen images plus images.json. JSON `{ "imageIds": [...] }`, or a plain form
 * post with `imageIds=a,b,c` (the gallery uses a form, so the browser downloads it natively).
 */
export const POST = handleRoute({ body: jsonOrFormBody(BODY_LIMITS.bulkImages) }, async (_req, _ctx, body) => {
  const { stream, name } = await zipImages(parseBody(imageIdsBody, body).imageIds);
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
