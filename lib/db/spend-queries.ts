import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Queryable } from "@/lib/db/client";
import { images, jobs } from "@/lib/db/schema";

export interface SpendRow {
  todayMicros: number;
  monthMicros: number;
  imagesToday: number;
  imagesMonth: number;
  allTimeMicros: number;
  imagesAllTime: number;
  /** All-time spend per task type, most spent first. */
  byTask: { taskType: string; micros: number; images: number }[];
  /** All-time spend per model id (jobs.model), most spent first. */
  byModel: { model: string; micros: number; images: number }[];
}

/** A group's all-time spend and image count (sum() and count() come back as strings from node-postgres). */
const allTime = {
  micros: sql<number>`coalesce(sum(${images.costMicros}), 0)`.mapWith(Number),
  images: sql<number>`count(*)`.mapWith(Number),
};

/** All-time spend and images grouped by a job column, most spent first, ties by the column. */
function allTimeBy(db: Queryable, key: typeof jobs.taskType | typeof jobs.model) {
  return db
    .select({ key, ...allTime })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .groupBy(key)
    .orderBy(sql`2 desc`, key);
}

/**
 * Spend of stored images for the calendar day and month that contain `now` in `timeZone`
 * (UTC unless told). Boundaries are computed here, not in SQL, so PGlite and PostgreSQL agree
 * whatever time-zone data each carries.
 */
export async function spendSummary(db: Queryable, now: Date, timeZone = "UTC"): Promise<SpendRow> {
  const { y, m, d } = zonedParts(now.getTime(), timeZone);
  const dayStart = zonedMidnight(y, m, d, timeZone);
  const dayEnd = zonedMidnight(y, m, d + 1, timeZone);
  const monthStart = zonedMidnight(y, m, 1, timeZone);
  const monthEnd = zonedMidnight(y, m + 1, 1, timeZone);
  const today = sql`${images.createdAt} >= ${dayStart} and ${images.createdAt} < ${dayEnd}`;
  // sum() and count() are bigint/numeric: node-postgres returns them as strings, hence mapWith.
  const [row] = await db
    .select({
      todayMicros: sql<number>`coalesce(sum(${images.costMicros}) filter (where ${today}), 0)`.mapWith(Number),
      monthMicros: sql<number>`coalesce(sum(${images.costMicros}), 0)`.mapWith(Number),
      imagesToday: sql<number>`count(*) filter (where ${today})`.mapWith(Number),
      imagesMonth: sql<number>`count(*)`.mapWith(Number),
    })
    .from(images)
    .where(and(gte(images.createdAt, monthStart), lt(images.createdAt, monthEnd)));
  const byTask = (await allTimeBy(db, jobs.taskType)).map(({ key, ...t }) => ({ taskType: key, ...t }));
  const byModel = (await allTimeBy(db, jobs.model)).map(({ key, ...m }) => ({ model: key, ...m }));
  const period = row ?? { todayMicros: 0, monthMicros: 0, imagesToday: 0, imagesMonth: 0 };
  return {
    ...period,
    allTimeMicros: byTask.reduce((a, t) => a + t.micros, 0),
    imagesAllTime: byTask.reduce((a, t) => a + t.images, 0),
    byTask,
    byModel,
  };
}

interface Parts {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function zonedParts(instant: number, timeZone: string): Parts {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    throw new AppError("invalid_request", `time zone "${timeZone}" is not valid`);
  }
  const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return { y: p.year, m: p.month, d: p.day, h: p.hour, mi: p.minute, s: p.second };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi, p.s) - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight of y-m-d begins in `timeZone` (day/month overflow rolls over). */
function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const wall = Date.UTC(y, m - 1, d);
  const first = wall - offsetAt(wall, timeZone);
  // The offset at the guessed instant can differ across a DST change; one correction suffices.
  return new Date(wall - offsetAt(first, timeZone));
}
