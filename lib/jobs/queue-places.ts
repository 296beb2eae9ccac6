import "server-only";
import type { Db } from "@/lib/db/client";
import { waitingPositions } from "@/lib/db/job-queries";
import type { BudgetStatus } from "@/lib/budget/request-budget";
import type { QueuePlace } from "./serialize";

/**
 * Where waiting runs stand: their place in line and a rough time each should be sent. Each run
 * costs about two requests (its submit and a poll), so runs start at about half the budget's
 * rate, from when the budget next has room (now, or when the oldest request of the last minute
 * leaves it, or when a 429's block ends); those that fit in what is left start now.
 */
export async function queuePlaces(db: Db, ids: string[], budget: BudgetStatus, now: Date): Promise<Map<string, QueuePlace>> {
  const positions = await waitingPositions(db, ids);
  const startNow = Math.floor(budget.left / 2);
  const perRunMs = 120_000 / budget.perMinute;
  const from = Math.max(now.getTime(), budget.nextFreeAt.getTime());
  const places = new Map<string, QueuePlace>();
  for (const [id, position] of positions) {
    const ahead = Math.max(0, position - startNow);
    places.set(id, { position, estimatedStartAt: new Date(from + ahead * perRunMs).toISOString() });
  }
  return places;
}
