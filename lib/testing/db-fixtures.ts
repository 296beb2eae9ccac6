import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { images, jobs, spendLedger, type ImageRow, type JobRow, type NewImageRow, type NewJobRow } from "@/lib/db/schema";
import { novaCanvas } from "@/lib/models";

/** Test rows with plausible defaults; only what a case cares about needs to be given. */
export async function insertTestJob(db: Queryable, over: Partial<NewJobRow> = {}): Promise<JobRow> {
  const [job] = await db
    .insert(jobs)
    .values({
      model: novaCanvas.id,
      taskType: "TEXT_IMAGE",
      params: { prompt: "a lighthouse at dusk", quality: "standard" },
      prompt: "a lighthouse at dusk",
      imagesRequested: 1,
      estimatedCostMicros: 120_000,
      ...over,
    })
    .returning();
  return job;
}

export function testImage(jobId: string, index: number, over: Partial<NewImageRow> = {}): NewImageRow {
  const sha = randomBytes(32).toString("hex");
  return {
    jobId,
    index,
    width: 1024,
    height: 1024,
    contentType: "image/png",
    blobKey: `outputs/${jobId}/${index}.png`,
    thumbKey: `thumbs/${jobId}/${index}.webp`,
    byteSize: 1000,
    sha256: sha,
    costMicros: 120_000,
    ...over,
  };
}

/** An output as completeJob takes it (the job's id is the call's). */
export function testOutput(jobId: string, index: number, over: Partial<NewImageRow> = {}): Omit<NewImageRow, "jobId"> {
  const row: Partial<NewImageRow> = testImage(jobId, index, over);
  delete row.jobId;
  return row as Omit<NewImageRow, "jobId">;
}

export async function insertTestImages(db: Queryable, rows: NewImageRow[]): Promise<ImageRow[]> {
  return db.insert(images).values(rows).returning();
}

/** A settled ledger entry (what the spend summary and the caps read), as the tracker writes one. */
export async function insertTestSettle(
  db: Queryable,
  job: Pick<JobRow, "id" | "model" | "taskType">,
  amountMicros: number,
  createdAt: Date,
  images = 1,
): Promise<void> {
  await db.insert(spendLedger).values({ jobId: job.id, model: job.model, taskType: job.taskType, kind: "settle", amountMicros, images, createdAt });
}

/** A run in the given state holding its estimate (a `reserve`), as admission leaves one. */
export async function insertTestHold(db: Queryable, over: Partial<NewJobRow> = {}, heldAt = new Date()): Promise<JobRow> {
  const job = await insertTestJob(db, { status: "waiting", ...over });
  await db.insert(spendLedger).values({
    jobId: job.id,
    model: job.model,
    taskType: job.taskType,
    kind: "reserve",
    amountMicros: job.estimatedCostMicros,
    images: job.imagesRequested,
    createdAt: heldAt,
  });
  return job;
}

/** Empties tables (and what references them) so cases can share one database without sharing rows. */
export async function emptyTables(db: Queryable, names: readonly string[]): Promise<void> {
  await db.execute(sql.raw(`truncate ${names.map((n) => `"${n}"`).join(", ")} cascade`));
}
