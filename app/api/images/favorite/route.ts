import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonBody } from "@/lib/http/read-body";
import { updateFavorites } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

/** `{ "imageIds": [...], "favorite": true | false }`: bulk star or unstar. */
export const POST = handleRoute({ body: jsonBody(1024 * 1024) }, async (_req, _ctx, body) => NextResponse.json(await updateFavorites(body.value)));
