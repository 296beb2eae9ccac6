import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { updateFavorites } from "@/lib/gallery/gallery-service";

export const dynamic = "force-dynamic";

/** `{ "imageIds": [...], "favorite": true | false }`: bulk star or unstar. */
export const POST = handleRoute({ body: jsonBody(BODY_LIMITS.bulkImages) }, async (_req, _ctx, body) => NextResponse.json(await updateFavorites(body.value)));
