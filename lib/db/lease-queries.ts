import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { jobs } from "./schema";

/**
 * Every job lease `owner` holds, handed back (a tracker shutting down): the jobs keep their next
 * poll time and become claimable by any instance at once, instead of when the lease runs out.
 * A pass of that tracker still polling one of them then finds its lease gone, and its write of
 * the poll's outcome changes nothing (recordPoll, deferPoll and reschedulePoll check the owner).
 * Returns the ids released.
 */
export async function releaseLeases(db: Db, owner: string): Promise<string[]> {
  const rows = await db.update(jobs).set({ leaseOwner: null, leaseUntil: null }).where(eq(jobs.leaseOwner, owner)).returning({ id: jobs.id });
  return rows.map((r) => r.id);
}
