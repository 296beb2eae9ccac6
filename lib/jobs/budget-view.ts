import "server-only";
import type { ApiBudget } from "@/lib/api-types";
import { countQueue } from "@/lib/db/job-queries";
import { readCapsState } from "@/lib/spend/spend-service";
import { getRuntime } from "./runtime";

/** GET /api/budget: the request budget in use, the queue, and the caps with what is left of them. */
export async function readBudgetView(): Promise<ApiBudget> {
  const rt = await getRuntime();
  const [requests, queue, spend] = await Promise.all([rt.budget.status(), countQueue(rt.db), readCapsState()]);
  return {
    requests: {
      perMinute: requests.perMinute,
      usedLastMinute: requests.usedLastMinute,
      left: requests.left,
      blockedUntil: requests.blockedUntil?.toISOString() ?? null,
    },
    queue,
    spend,
  };
}
