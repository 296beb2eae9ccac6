import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { readBudgetView } from "@/lib/jobs/budget-view";

export const dynamic = "force-dynamic";

/** The request budget in use, the queue, and the spending caps with what is left (ApiBudget). */
export const GET = handleRoute(async () => NextResponse.json(await readBudgetView()));
