import "server-only";
import { and, desc, eq, inArray, isNotNull, ne } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { galleryColumns, type GalleryRow } from "@/lib/db/gallery-queries";
import { images, inputs, jobInputs, jobs } from "@/lib/db/schema";

/** How many children the large view lists (newest first); the rest are in the gallery. */
export const LINEAGE_CHILDREN_MAX = 24;

/**
 * An image's lineage. Parents: our own images fed into the job that made it (an input row
 * records the image it came from). Children: images of later jobs that took this one as an
 * input. Inputs are stored once per content, so "came from" is whichever of our images first
 * had those exact bytes — the same picture either way.
 */
export async function imageLineage(db: Queryable, image: { id: string; jobId: string }): Promise<{ parents: GalleryRow[]; children: GalleryRow[] }> {
  const parentIds = db
    .select({ id: inputs.sourceImageId })
    .from(jobInputs)
    .innerJoin(inputs, eq(inputs.sha256, jobInputs.inputSha256))
    .where(and(eq(jobInputs.jobId, image.jobId), isNotNull(inputs.sourceImageId)));
  const childJobIds = db
    .select({ id: jobInputs.jobId })
    .from(jobInputs)
    .innerJoin(inputs, eq(inputs.sha256, jobInputs.inputSha256))
    .where(eq(inputs.sourceImageId, image.id));
  const [parents, children] = await Promise.all([
    db
      .select(galleryColumns)
      .from(images)
      .innerJoin(jobs, eq(jobs.id, images.jobId))
      .where(and(inArray(images.id, parentIds), ne(images.jobId, image.jobId)))
      .orderBy(images.createdAt),
    db
      .select(galleryColumns)
      .from(images)
      .innerJoin(jobs, eq(jobs.id, images.jobId))
      // A job that fed an image back into itself is not its own child (nor, above, its own parent).
      .where(and(inArray(images.jobId, childJobIds), ne(images.jobId, image.jobId)))
      .orderBy(desc(images.createdAt), desc(images.id))
      .limit(LINEAGE_CHILDREN_MAX),
  ]);
  return { parents, children };
}
