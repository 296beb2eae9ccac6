import { AppError } from "@/lib/errors";
import { parseImageIds } from "@/lib/gallery/image-ids";
import { zipImages } from "@/lib/gallery/zip-export";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

/**
 * A ZIP of the chosen images plus images.json. JSON `{ "imageIds": [...] }`, or a plain form
 * post with `imageIds=a,b,c` (the gallery uses a form, so the browser downloads it natively).
 */
export const POST = handleRoute(async (req: Request) => {
  const type = req.headers.get("content-type") ?? "";
  if (Number(req.headers.get("content-length") ?? 0) > 1024 * 1024) {
    throw new AppError("payload_too_large", "The request body is larger than the limit of 1 MB.");
  }
  const raw = type.includes("application/json")
    ? ((await readJsonBody(req, 1024 * 1024)) as { imageIds?: unknown } | null)?.imageIds
    : (await req.formData().catch(() => null))?.get("imageIds")?.toString();
  const { stream, name } = await zipImages(parseImageIds(raw));
  return new Response(stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
