import { NextResponse } from "next/server";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { handleRoute } from "@/lib/http/handle-route";
import { parseBody } from "@/lib/http/parse-body";
import { jsonBody } from "@/lib/http/read-body";
import { capsBody } from "@/lib/spend/spending-caps";
import { readStoredCaps, updateCaps } from "@/lib/spend/spend-service";

export const dynamic = "force-dynamic";

/** The spending caps as set on the Settings page (`{ dayUsd, monthUsd }`, null = none set). */
export const GET = handleRoute(async () => NextResponse.json(await readStoredCaps()));

/** New caps; one above its environment ceiling is refused (422, naming the field and the ceiling). */
export const PUT = handleRoute({ body: jsonBody(BODY_LIMITS.settings) }, async (_req, _ctx, body) =>
  NextResponse.json(await updateCaps(parseBody(capsBody, body))),
);
