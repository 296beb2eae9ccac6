import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createShare, readShares } from "@/lib/shares/share-service";

export const dynamic = "force-dynamic";

/** A share request is ids and a few words: 1 MB is far more than any valid one. */
const BODY_LIMIT = 1024 * 1024;

export const POST = handleRoute(async (req: Request) => {
  const share = await createShare(await readJsonBody(req, BODY_LIMIT));
  return NextResponse.json(share, { status: 201, headers: { location: `/api/shares/${share.id}` } });
});

export const GET = handleRoute(async () => NextResponse.json({ items: await readShares() }));
