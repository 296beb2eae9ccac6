import { NextResponse } from "next/server";
import { deleteImages, sharesUsing } from "@/lib/gallery/delete-images";
import { parseImageIds } from "@/lib/gallery/image-ids";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/**
 * `{ "imageIds": [...], "dryRun"?: true }`. A dry run only says how many shares hold them (for
 * the confirmation); otherwise the images are deleted and their files with them when unused.
 */
export const POST = handleRoute({ body: jsonBody(1024 * 1024) }, async (_req, _ctx, { value }) => {
  const body = value as { imageIds?: unknown; dryRun?: unknown } | null;
  const ids = parseImageIds(body?.imageIds);
  if (body?.dryRun === true) return NextResponse.json({ images: ids.length, shares: await sharesUsing(ids) });
  return NextResponse.json(await deleteImages(ids));
});
