import { NextResponse } from "next/server";
import { validationFailed } from "@/lib/field-errors";
import { parseGalleryFilter } from "@/lib/gallery/gallery-filter";
import { handleRoute } from "@/lib/http/handle-route";
import { readGalleryIds } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

/** The ids of every image the gallery filter in the query matches ("select all in this filter"). */
export const GET = handleRoute(async (req: Request) => {
  const parsed = parseGalleryFilter(new URL(req.url).searchParams);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  return NextResponse.json(await readGalleryIds(parsed.filter));
});
