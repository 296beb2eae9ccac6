import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { jsonBody } from "@/lib/http/read-body";
import { createShare, readShares } from "@/lib/shares/share-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute({ body: jsonBody(BODY_LIMITS.shareCreate) }, async (_req, _ctx, body) => {
  const share = await createShare(body.value);
  return NextResponse.json(share, { status: 201, headers: { location: `/api/shares/${share.id}` } });
});

export const GET = handleRoute(async () => NextResponse.json({ items: await readShares() }));
