import { NextResponse } from "next/server";
import { validationFailed } from "@/lib/field-errors";
import { parseGalleryFilter } from "@/lib/gallery/gallery-filter";
import { handleRoute } from "@/lib/http/handle-route";
import { parseLimit } from "@/lib/http/query-params";
import { readGalleryPage } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (req: Request) => {
  const params = new URL(req.url).searchParams;
  const limit = parseLimit(params, { fallback: 50, max: 200 });
  const parsed = parseGalleryFilter(params);
  if (!parsed.ok) throw validationFailed(parsed.errors);
  return NextResponse.json(await readGalleryPage({ cursor: params.get("cursor") ?? undefined, limit, filter: parsed.filter }));
});
