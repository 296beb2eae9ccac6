import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { updateFavorites } from "@/lib/jobs/gallery-service";

export const dynamic = "force-dynamic";

/** `{ "imageIds": [...], "favorite": true | false }`: bulk star or unstar. */
export const POST = handleRoute(async (req: Request) => NextResponse.json(await updateFavorites(await readJsonBody(req, 1024 * 1024))));
