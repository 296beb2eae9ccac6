import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { jsonBody } from "@/lib/http/read-body";
import { createShare, readShares } from "@/lib/shares/share-service";

export const dynamic = "force-dynamic";

/** A share request is ids and a few words: 1 MB is far more than any valid one. */
const BODY_LIMIT = 1024 * 1024;

export const POST = handleRoute({ body: jsonBody(BODY_LIMIT) }, async (_req, _ctx, body) => {
  const share = await createShare(body.value);
  return NextResponse.json(share, { status: 201, headers: { location: `/api/shares/${share.id}` } });
});

export const GET = handleRoute(async () => NextResponse.json({ items: await readShares() }));
