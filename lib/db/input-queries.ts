import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { images, inputs, jobInputs, type InputRow, type NewInputRow } from "@/lib/db/schema";

/**
 * Stores an input image's row once per content hash. A concurrent request with the same image
 * may win the insert; either way the stored row comes back (its blob is the same bytes).
 */
export async function upsertInput(db: Queryable, row: NewInputRow): Promise<InputRow> {
  const [inserted] = await db.insert(inputs).values(row).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const [existing] = await db.select().from(inputs).where(eq(inputs.sha256, row.sha256)).limit(1);
  if (!existing) throw new Error(`input ${row.sha256} vanished between insert and select`);
  return existing;
}

export interface JobInputLink {
  inputSha256: string;
  /** The request field: image, images, reference_image, mask_image. */
  role: string;
  /** Order within a list field such as `images`; 0 for single fields. */
  position?: number;
}

/** Records which inputs a job used; repeating a link (a retried submit) is a no-op. */
export async function linkJobInputs(db: Queryable, jobId: string, links: JobInputLink[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insert(jobInputs)
    .values(links.map((l) => ({ jobId, inputSha256: l.inputSha256, role: l.role, position: l.position ?? 0 })))
    .onConflictDoNothing();
}

/** The inputs of a job in role/position order (for "how it was made" and re-runs). */
export async function listJobInputs(db: Queryable, jobId: string) {
  return db
    .select({ role: jobInputs.role, position: jobInputs.position, input: inputs })
    .from(jobInputs)
    .innerJoin(inputs, eq(inputs.sha256, jobInputs.inputSha256))
    .where(eq(jobInputs.jobId, jobId))
    .orderBy(jobInputs.role, jobInputs.position);
}

/** The inputs of many jobs in one query (a sweep's cells), each with its job id, in role/position order. */
export async function listInputsOfJobs(db: Queryable, jobIds: string[]) {
  if (jobIds.length === 0) return [];
  return db
    .select({ jobId: jobInputs.jobId, role: jobInputs.role, position: jobInputs.position, input: inputs })
    .from(jobInputs)
    .innerJoin(inputs, eq(inputs.sha256, jobInputs.inputSha256))
    .where(inArray(jobInputs.jobId, jobIds))
    .orderBy(jobInputs.role, jobInputs.position);
}

export async function getInput(db: Queryable, sha256: string): Promise<InputRow | undefined> {
  const [row] = await db.select().from(inputs).where(eq(inputs.sha256, sha256)).limit(1);
  return row;
}

/** Lineage: the id of our own output with these exact bytes, if the input is one. */
export async function findImageIdBySha(db: Queryable, sha256: string): Promise<string | null> {
  const [row] = await db.select({ id: images.id }).from(images).where(eq(images.sha256, sha256)).limit(1);
  return row?.id ?? null;
}
