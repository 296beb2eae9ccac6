/**
 * A sweep cell's images as the gallery's views take them (GalleryItem: the image with its job's
 * task, model, prompt), so the cell opens in the gallery's large view and compare dialog.
 */
import type { ApiImage, ApiJob, GalleryItem } from "@/lib/api-types";

export function galleryItemOf(job: ApiJob, image: ApiImage): GalleryItem {
  const quality = job.params.quality;
  return { ...image, taskType: job.taskType, model: job.model, prompt: job.prompt, quality: typeof quality === "string" ? quality : null };
}

/** Seconds from sending to completion, for a cell's caption ("2.1 s"); null until both are known. */
export function runSeconds(job: ApiJob): number | null {
  if (!job.submittedAt || !job.completedAt) return null;
  const ms = Date.parse(job.completedAt) - Date.parse(job.submittedAt);
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 100) / 10 : null;
}
