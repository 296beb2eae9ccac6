import { NextResponse } from "next/server";
import { deleteImages, deleteImagesBody, sharesUsing } from "@/lib/gallery/delete-images";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-body";
import { jsonBody } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/**
 * `{ "imageIds": [...], "dryRun"?: true }`. A dry run only says how many shares hold them (for
 * the confirmation); otherwise the images are deleted and their files with them when unused.
 */
export const POST = handleRoute({ body: jsonBody(BODY_LIMITS.bulkImages) }, async (_req, _ctx, body) => {
  const { imageIds, dryRun } = parseBody(deleteImagesBody, body);
  if (dryRun === true) return NextResponse.json({ images: imageIds.length, shares: await sharesUsing(imageIds) });
  return NextResponse.json(await deleteImages(imageIds));
});
